package io.github.npmrcguard.maven;

import io.github.npmrcguard.generate.BuildRun;
import io.github.npmrcguard.generate.ModuleInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;

/**
 * What a module's build model says about its frontends: the folders frontend-maven-plugin and
 * exec-maven-plugin run a package manager in (each execution's {@code workingDirectory}; Maven has already
 * merged the plugin's own configuration into each execution), the folders named in this plugin's
 * {@code <frontends>}, whether a Vaadin plugin builds it, and what each run sets as
 * {@code NPM_CONFIG_USERCONFIG}.
 */
final class FrontendDeclarations {
    static final String FRONTEND_PLUGIN = "com.github.eirslett:frontend-maven-plugin";
    static final String EXEC_PLUGIN = "org.codehaus.mojo:exec-maven-plugin";
    static final String SELF_ARTIFACT = "npmrc-guard-maven-plugin";
    /** frontend-maven-plugin goals that run a package manager (not the install-node-and-* ones). */
    private static final Set<String> PACKAGE_MANAGER_GOALS = Set.of("npm", "npx", "pnpm", "yarn", "corepack", "bun");
    /** exec-maven-plugin executables that are a package manager. */
    private static final Set<String> PACKAGE_MANAGERS = Set.of("npm", "npx", "pnpm", "pnpx", "yarn", "bun", "bunx");

    private FrontendDeclarations() {}

    /** The module as the generator needs it. */
    static ModuleInput of(MavenProject p) {
        Path base = p.getBasedir().toPath().toAbsolutePath().normalize();
        ModuleInput module = new ModuleInput(
                base, Path.of(p.getBuild().getDirectory()).toAbsolutePath().normalize(), List.of());
        for (Plugin plugin : p.getBuildPlugins()) {
            String key = plugin.getKey();
            if (plugin.getGroupId() != null
                    && plugin.getGroupId().equals("com.vaadin")
                    && (plugin.getArtifactId().equals("vaadin-maven-plugin")
                            || plugin.getArtifactId().equals("flow-maven-plugin"))) {
                module = module.withVaadin(true);
            }
            if (plugin.getArtifactId().equals(SELF_ARTIFACT)) {
                module = withNamed(module, plugin.getConfiguration());
                for (PluginExecution execution : plugin.getExecutions()) {
                    module = withNamed(module, execution.getConfiguration());
                }
            }
            boolean frontend = FRONTEND_PLUGIN.equals(key);
            if (!frontend && !EXEC_PLUGIN.equals(key)) {
                continue;
            }
            Object own = plugin.getConfiguration();
            if (frontend) {
                module = withWorkingDirectory(module, base, own); // also a plugin run from the command line
            }
            for (PluginExecution execution : plugin.getExecutions()) {
                Object cfg = execution.getConfiguration() != null ? execution.getConfiguration() : own;
                boolean runsPackageManager = frontend
                        ? execution.getGoals().stream().anyMatch(PACKAGE_MANAGER_GOALS::contains)
                        : isPackageManager(childValue(cfg, "executable"));
                if (frontend || runsPackageManager) {
                    module = withWorkingDirectory(module, base, cfg);
                }
                if (runsPackageManager) {
                    module = module.withRun(new BuildRun(
                            plugin.getArtifactId(),
                            execution.getId(),
                            own != null,
                            child(cfg, "environmentVariables") != null,
                            child(own, "environmentVariables") != null,
                            userConfig(cfg)));
                }
            }
        }
        return module;
    }

    private static ModuleInput withNamed(ModuleInput module, Object configuration) {
        Object frontends = child(configuration, "frontends");
        for (Object entry : children(frontends)) {
            String value = value(entry);
            if (value != null && !value.isBlank()) {
                module = module.withNamedFolder(Path.of(value.strip()));
            }
        }
        return module;
    }

    private static ModuleInput withWorkingDirectory(ModuleInput module, Path base, Object configuration) {
        String value = childValue(configuration, "workingDirectory");
        if (value == null || value.isBlank()) {
            return module;
        }
        Path wd = Path.of(value.strip());
        Path resolved =
                (wd.isAbsolute() ? wd : base.resolve(wd)).toAbsolutePath().normalize();
        return module.workingDirectories().contains(resolved) ? module : module.withWorkingDirectory(resolved);
    }

    /** Whether an exec-maven-plugin executable is a package manager: by its file name, without .cmd or .exe. */
    static boolean isPackageManager(String executable) {
        if (executable == null || executable.isBlank()) {
            return false;
        }
        String name = executable.strip().replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        for (String suffix : List.of(".cmd", ".exe", ".bat", ".js", ".cjs")) {
            if (name.endsWith(suffix)) {
                name = name.substring(0, name.length() - suffix.length());
            }
        }
        return PACKAGE_MANAGERS.contains(name) || name.equals("npm-cli") || name.equals("pnpm-cli");
    }

    /** The NPM_CONFIG_USERCONFIG entry of a run's environmentVariables, whatever its case, or null. */
    private static String userConfig(Object configuration) {
        for (Object entry : children(child(configuration, "environmentVariables"))) {
            String name = name(entry);
            if (name != null && name.equalsIgnoreCase(BuildRun.USERCONFIG_VARIABLE)) {
                String value = value(entry);
                return value == null ? "" : value;
            }
        }
        return null;
    }

    // The configuration is an Xpp3Dom, whose package moved between plexus-utils 3 (Maven 3) and plexus-xml
    // (Maven 4), so it is read through its methods by name.

    private static String childValue(Object configuration, String name) {
        return value(child(configuration, name));
    }

    private static Object child(Object node, String name) {
        return call(node, "getChild", name);
    }

    private static List<Object> children(Object node) {
        Object array = call(node, "getChildren", null);
        List<Object> out = new ArrayList<>();
        if (array instanceof Object[]) {
            for (Object o : (Object[]) array) {
                out.add(o);
            }
        }
        return out;
    }

    private static String name(Object node) {
        Object v = call(node, "getName", null);
        return v instanceof String ? (String) v : null;
    }

    private static String value(Object node) {
        Object v = call(node, "getValue", null);
        return v instanceof String ? (String) v : null;
    }

    private static Object call(Object node, String method, String argument) {
        if (node == null) {
            return null;
        }
        try {
            return argument == null
                    ? node.getClass().getMethod(method).invoke(node)
                    : node.getClass().getMethod(method, String.class).invoke(node, argument);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
