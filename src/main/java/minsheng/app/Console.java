package minsheng.app;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The standard streams a command reads and writes; all text is UTF-8, whatever the platform's charset. */
record Console(InputStream in, PrintStream out, PrintStream err) {

    BufferedReader reader() {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
