package io.github.npmrcguard.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The registries a local prefix's packages are published to: {@code publishConfig.registry} of its
 * {@code package.json} and of each workspace member's ({@link WorkspaceMembers}), since {@code npm publish}
 * in a member follows the member's own. A {@code package.json} that cannot be read names none.
 */
public final class PublishTargets {
    /**
     * One package's publish registry.
     *
     * @param packageFolder the folder of its {@code package.json}
     * @param registry      {@code publishConfig.registry} as written
     * @param scope         the package's scope ({@code @acme}), or empty
     */
    public record Target(Path packageFolder, String registry, String scope) {}

    private PublishTargets() {}

    /** The root's own target first, then the members' in folder order. */
    public static List<Target> of(Path localPrefix) {
        List<Target> out = new ArrayList<>();
        read(localPrefix).ifPresent(out::add);
        for (Path member : WorkspaceMembers.of(localPrefix)) {
            read(member).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    private static Optional<Target> read(Path folder) {
        try {
            return PackageJson.read(folder)
                    .filter(p -> !p.publishRegistry().isEmpty())
                    .map(p -> new Target(folder, p.publishRegistry(), p.scope()));
        } catch (UneditableException e) {
            return Optional.empty(); // reported where the package manager is detected
        }
    }
}
