package io.kompat.check;

import io.kompat.version.Version;

/** How the target Python is chosen. */
public sealed interface PythonChoice permits PythonChoice.Given, PythonChoice.Default, PythonChoice.All {

    /** {@code --python X.Y[.Z]}. */
    record Given(Version python) implements PythonChoice {
    }

    /**
     * No {@code --python}: the input's own pin (conda {@code python=3.11.7}), else the interpreter pip would
     * use ({@code interpreter}, with where it was found), else the newest Python for which the input works.
     */
    record Default(Version interpreter, String interpreterSource) implements PythonChoice {
        public static Default none() {
            return new Default(null, null);
        }
    }

    /** {@code --python all}: one verdict per Python release line. */
    record All() implements PythonChoice {
    }
}
