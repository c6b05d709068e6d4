package io.kompat.trust;

import io.kompat.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs kompat in the test's JVM and keeps its exit code and both streams. */
record Cli(int code, String out, String err) {
    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Cli(code, out.toString(), err.toString());
    }

    /** Both streams, for assertions that something appears nowhere. */
    String all() {
        return out + err;
    }
}
