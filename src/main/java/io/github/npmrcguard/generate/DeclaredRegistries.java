package io.github.npmrcguard.generate;

import java.util.List;

/**
 * The registries a config file declares.
 *
 * @param registries   those with a usable URL, in file order
 * @param anyDeclared  whether the file names any registry at all, usable or not (a file that sets one the
 *                     generator cannot use must not get the public registry added over it)
 * @param messages     why a declared registry was not usable
 */
record DeclaredRegistries(List<RegistrySpec> registries, boolean anyDeclared, List<Message> messages) {
    DeclaredRegistries {
        registries = List.copyOf(registries);
        messages = List.copyOf(messages);
    }

    static DeclaredRegistries none() {
        return new DeclaredRegistries(List.of(), false, List.of());
    }
}
