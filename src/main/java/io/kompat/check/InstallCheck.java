package io.kompat.check;

import io.kompat.predict.Prediction;
import java.util.List;

/**
 * What else breaks a predicted install besides the matrix's runtime rules: the project's own code, when the
 * user gives it (a name the installed Keras or TensorFlow lacks, a call that raises there). The check asks it
 * of every install it predicts, the fix search's too, so fixes keep the code working.
 */
@FunctionalInterface
public interface InstallCheck {
    /** Nothing beyond the matrix's rules. */
    InstallCheck NONE = install -> List.of();

    /** The breaks {@code install} has beyond the matrix's runtime rules. */
    List<Break> breaks(Prediction.Installs install);

    /**
     * Whether the checked code may use one of {@code names} (a rule's {@code code-uses}): true unless the code
     * was read and mentions none of them, so a break only such code hits is kept when there is no code to read.
     */
    default boolean mayUse(List<String> names) {
        return true;
    }

    /** Whether the project's code was read: then a break only some code hits is one that code does hit. */
    default boolean readsCode() {
        return false;
    }

    /**
     * The requirements under which what is checked works as it is ({@code keras==2.2.4}, {@code tensorflow==1.15.*}
     * for code written against them): when an install breaks this check, the fix search looks for a working
     * install within them, so its fixes keep the code as written.
     */
    default List<io.kompat.requirement.Requirement> keeps() {
        return List.of();
    }
}
