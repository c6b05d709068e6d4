package io.kompat.index;

import io.kompat.requirement.Platform;
import io.kompat.target.Target;
import io.kompat.target.WheelTags;
import io.kompat.version.Version;

/** Whether a wheel installs on a target CPython and platform; the tag rules are {@link WheelTags}'. */
public final class TargetTags {
    private final WheelTags tags;

    public TargetTags(int major, int minor, Platform platform) {
        this(Target.of(Version.of(major, minor), platform));
    }

    public TargetTags(Target target) {
        this.tags = target.wheelTags();
    }

    public boolean compatible(WheelName w) {
        return tags.compatible(w.pythonTags(), w.abiTags(), w.platformTags());
    }
}
