package io.kompat.diagnose;

import io.kompat.check.Break;
import io.kompat.check.InstallCheck;
import io.kompat.predict.Prediction;
import java.util.List;

/**
 * The project's code as read, for the rules only some code hits ({@code code-uses}): such a rule holds only when the
 * code mentions one of its names. It adds no break of its own; {@link CodeCheck} adds the code's findings.
 */
class CodeRead implements InstallCheck {
    final SourceScanner.Code code;

    CodeRead(SourceScanner.Code code) {
        this.code = code;
    }

    @Override
    public List<Break> breaks(Prediction.Installs install) {
        return List.of();
    }

    /** A rule that only code using some names hits holds only when the code mentions one of them. */
    @Override
    public boolean mayUse(List<String> names) {
        return code.mentionsAny(names);
    }

    @Override
    public boolean readsCode() {
        return code.files() > 0;
    }
}
