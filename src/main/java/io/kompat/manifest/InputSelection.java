package io.kompat.manifest;

import io.kompat.requirement.PackageName;
import java.util.List;

/**
 * Which optional parts of a project's metadata to read: extras ({@code --extra NAME}, PEP 621
 * {@code optional-dependencies}, Poetry's {@code extras}) and dependency groups ({@code --group NAME}, PEP 735,
 * Poetry's groups). Names compare normalized, as PEP 685 and PEP 735 say.
 */
public record InputSelection(List<String> extras, List<String> groups) {
    public InputSelection {
        extras = List.copyOf(extras);
        groups = List.copyOf(groups);
    }

    /** Nothing optional: the dependencies {@code pip install .} installs. */
    public static InputSelection none() {
        return new InputSelection(List.of(), List.of());
    }

    public boolean isEmpty() {
        return extras.isEmpty() && groups.isEmpty();
    }

    boolean wantsExtra(String name) {
        return extras.stream().anyMatch(e -> PackageName.normalize(e).equals(PackageName.normalize(name)));
    }

    boolean wantsGroup(String name) {
        return groups.stream().anyMatch(g -> PackageName.normalize(g).equals(PackageName.normalize(name)));
    }
}
