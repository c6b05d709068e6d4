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
}
