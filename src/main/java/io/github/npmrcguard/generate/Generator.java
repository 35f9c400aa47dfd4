package io.github.npmrcguard.generate;

import io.github.npmrcguard.generate.PackageManager.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code generate} goal without Maven: for each module's frontends, writes the placeholder registry
 * config where the frontend's package manager reads it, and the user config the mojo exposes as
 * {@code npmrcguard.userconfig.file} for {@code NPM_CONFIG_USERCONFIG}.
 *
 * <p>Per frontend: its folder and local prefix ({@link FrontendLocator}), its package manager
 * ({@link PackageManagerDetector}), where its config goes ({@link Placement}), its registries
 * ({@link RegistryResolver}). Each project file is merged once even when several modules share its local
 * prefix; each module that needs it gets one user config holding the registries of all its frontends.
 *
 * <p><b>CI.</b> When {@link GeneratorOptions#ci()} is true (by default: the {@code CI} variable is set), no
 * project file is written. A project file that would change is reported with its diff as
 * {@link FileAction#NOT_WRITTEN_CI} and an {@link Message.Level#ERROR} message, so the build fails unless
 * the user turned failing off. Why: release tooling (maven-release-plugin, semantic-release, {@code auto})
 * refuses or commits a dirty work tree, and a file written during the build would not be the committed
 * file anyway; while a warning in a CI log goes unread and the frontend build then fails later with an
 * opaque 401, or silently uses the wrong registry. Failing says early and in plain words what to commit.
 * The user config under the build folder is always written, CI or not: git ignores it and the frontend
 * build needs it. A file refused for holding a literal is a warning only: CI tools (Azure
 * npmAuthenticate) inject credentials into the working copy on purpose, and {@code check} judges what is
 * committed.
 *
 * <p><b>Existing placeholders.</b> An existing auth line that is already a correct placeholder is left as
 * it is, even when it names another variable than the configuration (a note says so): the team chose that
 * variable and CI provides it. Placeholders a client cannot use are fixed: {@code ${VAR}} in
 * {@code .yarnrc.yml} becomes {@code ${VAR:-}}, {@code ${VAR?}} in a pnpm {@code .npmrc} becomes
 * {@code ${VAR}}; a stand-in such as {@code changeme} or an unexpanded {@code $VAR} becomes the placeholder.
 *
 * <p>The generator never writes a credential value, never writes the user's own {@code ~/.npmrc} or any
 * global config, and never runs a package manager.
 */
public final class Generator {
    private final GeneratorOptions options;

    /** A generator for one run's options. */
    public Generator(GeneratorOptions options) {
        this.options = options;
    }

    /** A frontend with its decisions, while the run is collecting them. */
    private record Frontend(ModuleInput module, Path folder, Path localPrefix) {}

    /** What was decided for one local prefix. */
    private record PrefixPlan(
            PackageManager packageManager, Placement placement, RegistryResolver.Resolved registries) {}

    /**
     * Runs the generator over a build's modules.
     *
     * @param modules the reactor's modules, in build order
     * @return what was found and done; never throws for a problem with a file (it becomes a message)
     */
    public GenerationResult run(List<ModuleInput> modules) {
        return run(modules, true);
    }

    /** The run, with or without the project files (fix writes only the user config). */
    GenerationResult run(List<ModuleInput> modules, boolean writeProjectFiles) {
        List<Message> messages = new ArrayList<>();
        PathDisplay display = new PathDisplay(options.projectRoot());
        FrontendLocator locator = new FrontendLocator(options.projectRoot(), display);
        List<Frontend> frontends = new ArrayList<>();
        List<Path> moduleDirectories =
                modules.stream().map(ModuleInput::moduleDirectory).toList();
        // A folder one module's build runs a package manager in is that module's frontend, also when it sits in
        // another module's folder (a webapp beside the service module that builds it).
        Map<Path, ModuleInput> declaredBy = new HashMap<>();
        for (ModuleInput module : modules) {
            for (Path folder : locator.declaredFolders(module)) {
                declaredBy.putIfAbsent(folder, module);
            }
        }
        for (ModuleInput module : modules) {
            for (Path folder : locator.frontendFolders(module, moduleDirectories, messages)) {
                ModuleInput owner = declaredBy.getOrDefault(folder, module);
                if (owner.equals(module)) {
                    frontends.add(new Frontend(module, folder, locator.localPrefix(folder, messages)));
                }
            }
        }
        if (frontends.isEmpty()) {
            messages.add(
                    Message.info(
                            "no frontend found: no package.json in a module (outside node_modules, target,"
                                    + " src/test and src/it), in a workingDirectory, a Quinoa ui-dir or a folder named in <frontends>"));
        }

        Map<Path, PrefixPlan> plans = plan(frontends, display, messages);
        List<FileChange> files = new ArrayList<>();
        ProjectFileUpdater projectFiles = new ProjectFileUpdater(options, display);
        for (Map.Entry<Path, PrefixPlan> e : plans.entrySet()) {
            PrefixPlan plan = e.getValue();
            Placement placement = plan.placement();
            // Registry-only project lines are written for configured registries only: lines copied from the
            // file itself are there already, and a lone default-registry line would be noise.
            if (writeProjectFiles
                    && !plan.registries().registries().isEmpty()
                    && (placement.projectAuth() || plan.registries().configured())) {
                String where =
                        display.of(e.getKey().resolve(placement.projectFormat().fileName()));
                files.add(projectFiles.update(
                        e.getKey(),
                        placement.projectFormat(),
                        plan.registries().registries(),
                        new MergePolicy(placement.projectAuth(), plan.packageManager(), where),
                        messages));
            }
            List<RegistrySpec> publishOnly = plan.registries().registries().stream()
                    .filter(RegistrySpec::publishOnly)
                    .toList();
            if (writeProjectFiles && plan.packageManager().kind() == Kind.BUN && !publishOnly.isEmpty()) {
                // bunfig.toml has no token without a registry; bun also reads .npmrc, where a token line is alone.
                String where = display.of(e.getKey().resolve(NpmrcFormat.FILE_NAME));
                files.add(projectFiles.update(
                        e.getKey(),
                        new NpmrcFormat(),
                        publishOnly,
                        new MergePolicy(true, plan.packageManager(), where),
                        messages));
                messages.add(Message.info(where + ": bun publish does not follow publishConfig.registry; give it"
                        + " --registry " + publishOnly.get(0).url() + " to publish there with this token"));
            }
        }

        Map<Path, Path> userConfigs = new LinkedHashMap<>();
        UserConfigUpdater userConfigUpdater = new UserConfigUpdater(options, display);
        Map<ModuleInput, List<RegistrySpec>> userConfigModules = userConfigRegistries(frontends, plans);
        OncePerRun userConfigMessages = new OncePerRun();
        for (Map.Entry<ModuleInput, List<RegistrySpec>> e : userConfigModules.entrySet()) {
            FileChange change = userConfigUpdater.update(e.getKey(), e.getValue(), new ArrayList<>());
            files.add(change);
            for (Message m : change.messages()) {
                userConfigMessages.add(change.displayPath(), m);
            }
            if (change.action().wrote() || change.action() == FileAction.UNCHANGED) {
                userConfigs.put(e.getKey().moduleDirectory(), change.path());
            }
        }
        messages.addAll(userConfigMessages.messages());

        List<MisplacedConfigCheck.Placed> placed = new ArrayList<>();
        List<FrontendReport> reports = new ArrayList<>();
        for (Frontend f : frontends) {
            PrefixPlan plan = plans.get(f.localPrefix());
            placed.add(new MisplacedConfigCheck.Placed(
                    f.folder(), f.localPrefix(), plan.packageManager().kind() == Kind.YARN_CLASSIC));
            reports.add(new FrontendReport(
                    f.module().moduleDirectory(),
                    f.folder(),
                    f.localPrefix(),
                    plan.packageManager(),
                    plan.registries().registries(),
                    plan.registries().source()));
        }
        MisplacedConfigCheck.check(modules, placed, display, messages);
        userConfigHints(frontends, plans, userConfigModules.keySet(), display, messages);
        return new GenerationResult(reports, files, messages, userConfigs);
    }

    /** Package manager, placement and registries per local prefix, in the order prefixes are first seen. */
    private Map<Path, PrefixPlan> plan(List<Frontend> frontends, PathDisplay display, List<Message> messages) {
        PackageManagerDetector detector = new PackageManagerDetector(display);
        RegistryResolver resolver = new RegistryResolver(options.registries(), display);
        Map<Path, PrefixPlan> plans = new LinkedHashMap<>();
        for (Frontend f : frontends) {
            if (plans.containsKey(f.localPrefix())) {
                continue;
            }
            PackageManager pm = detector.detect(f.localPrefix(), f.folder(), messages);
            Placement placement = Placement.of(pm, options.userConfigForAll());
            RegistryResolver.Resolved registries =
                    resolver.resolve(f.localPrefix(), placement.projectFormat(), messages);
            plans.put(f.localPrefix(), new PrefixPlan(pm, placement, registries));
            messages.add(Message.info(display.of(f.localPrefix()) + ": " + pm.describe()
                    + (registries.registries().isEmpty()
                            ? "; no registry configured or declared in its files, so no registry or token line is written"
                            : "; " + registriesFrom(registries.source())
                                    + (placement.userConfig() ? "; token in the user config" : ""))));
        }
        return plans;
    }

    /** Where a frontend's registries came from, in the user's words. */
    private static String registriesFrom(String source) {
        if (source.equals(RegistryResolver.CONFIGURED)) {
            return "registries from the plugin's <registries>";
        }
        return "registries from its " + source;
    }

    /**
     * For each module that gets a user config for pnpm or yarn 1 (in a dry run too), how its build hands it
     * over, unless it already does (for other clients the project file carries the token, so the user config is optional).
     */
    private static void userConfigHints(
            List<Frontend> frontends,
            Map<Path, PrefixPlan> plans,
            Set<ModuleInput> withUserConfig,
            PathDisplay display,
            List<Message> messages) {
        Map<ModuleInput, List<String>> clients = new LinkedHashMap<>();
        for (Frontend f : frontends) {
            Kind kind = plans.get(f.localPrefix()).packageManager().kind();
            if ((kind == Kind.PNPM || kind == Kind.YARN_CLASSIC) && withUserConfig.contains(f.module())) {
                List<String> list = clients.computeIfAbsent(f.module(), m -> new ArrayList<>());
                String what = kind.label() + " in " + display.of(f.folder());
                if (!list.contains(what)) {
                    list.add(what);
                }
            }
        }
        Set<ModuleInput> noRuns = new java.util.HashSet<>();
        List<String> withoutRuns = new ArrayList<>();
        for (Map.Entry<ModuleInput, List<String>> e : clients.entrySet()) {
            if (UserConfigWiring.runsNoPackageManager(e.getKey())) {
                noRuns.add(e.getKey());
                withoutRuns.addAll(e.getValue());
            }
        }
        // The same advice for every module whose pom runs no package manager: said once, not once per module.
        boolean together = noRuns.size() > 1;
        for (Map.Entry<ModuleInput, List<String>> e : clients.entrySet()) {
            if (!together || !noRuns.contains(e.getKey())) {
                UserConfigWiring.hint(e.getKey(), e.getValue(), display).ifPresent(messages::add);
            }
        }
        if (together) {
            messages.add(UserConfigWiring.hintForModulesWithoutRuns(withoutRuns));
        }
    }

    /** Per module that needs a user config, the registries of all its frontends that need one (never none). */
    private static Map<ModuleInput, List<RegistrySpec>> userConfigRegistries(
            List<Frontend> frontends, Map<Path, PrefixPlan> plans) {
        Map<ModuleInput, List<RegistrySpec>> out = new LinkedHashMap<>();
        for (Frontend f : frontends) {
            PrefixPlan plan = plans.get(f.localPrefix());
            if (plan.placement().userConfig()) {
                List<RegistrySpec> list = out.computeIfAbsent(f.module(), m -> new ArrayList<>());
                for (RegistrySpec r : plan.registries().registries()) {
                    if (!list.contains(r)) {
                        list.add(r);
                    }
                }
            }
        }
        // A user config with no registry line would hold only comments: writing it, and wiring it in place of
        // the developer's own ~/.npmrc, would only hide that file's settings.
        out.values().removeIf(List::isEmpty);
        return out;
    }
}
