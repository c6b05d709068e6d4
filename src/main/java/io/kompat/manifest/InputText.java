package io.kompat.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An input file read as text the way pip reads it: a byte-order mark picks the encoding, UTF-8
 * otherwise; lines split where Python's {@code str.splitlines()} splits them. Binary or oversized files
 * are refused with a located message instead of being half-read.
 */
public final class InputText {
    /** Larger inputs are refused: no real requirements or environment file comes near this. */
    static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
    /** A single logical line longer than this is refused. */
    static final int MAX_LINE_CHARS = 1024 * 1024;

    private final String display;
    private final List<String> lines;

    private InputText(String display, List<String> lines) {
        this.display = display;
        this.lines = lines;
    }

    /** Thrown with a diagnostic when a file cannot be read as text. */
    public static final class UnreadableException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Diagnostic diagnostic;

        UnreadableException(Diagnostic diagnostic) {
            super(diagnostic.oneLine());
            this.diagnostic = diagnostic;
        }

        public Diagnostic diagnostic() {
            return diagnostic;
        }
    }

    public static InputText read(Path file, String display) throws UnreadableException {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw unreadable(display, "is a directory, not a file");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw unreadable(display, "file is too large (" + size + " bytes; the limit is " + MAX_FILE_BYTES + ")");
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw unreadable(display, "no such file");
        } catch (IOException e) {
            throw unreadable(display, "cannot read: " + e.getMessage());
        }
        return decode(bytes, display);
    }

    /**
     * Reads a stream to its end (standard input, named {@code -} on the command line) with the same size
     * limit as a file.
     */
    public static InputText read(InputStream in, String display) throws UnreadableException {
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw unreadable(display, "cannot read: " + e.getMessage());
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw unreadable(display, "input is too large (more than " + MAX_FILE_BYTES + " bytes)");
        }
        return decode(bytes, display);
    }

    /** Decodes in-memory content (used for tests and for text already loaded). */
    public static InputText decode(byte[] bytes, String display) throws UnreadableException {
        int offset = 0;
        Charset charset = StandardCharsets.UTF_8;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            offset = 3;
        } else if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
            offset = 4;
            charset = Charset.forName("UTF-32LE");
        } else if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
            offset = 4;
            charset = Charset.forName("UTF-32BE");
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            offset = 2;
            charset = StandardCharsets.UTF_16LE;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            offset = 2;
            charset = StandardCharsets.UTF_16BE;
        }
        java.nio.charset.CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        java.nio.CharBuffer chars = java.nio.CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8L, (long) bytes.length * 2 + 16));
        java.nio.charset.CoderResult result = decoder.decode(in, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            // Locate the first undecodable byte so the message can name its line and column.
            chars.flip();
            List<String> before = splitLines(chars.toString() + "x");
            throw new UnreadableException(Diagnostic.error(new SourceLocation(display, before.size(), before.get(before.size() - 1).length()),
                    "not " + charset.name() + " text (a binary file?): undecodable byte at offset " + in.position(), null, null));
        }
        chars.flip();
        String text = chars.toString();
        List<String> lines = splitLines(text);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.indexOf('\0') >= 0) {
                throw new UnreadableException(Diagnostic.error(new SourceLocation(display, i + 1, l.indexOf('\0') + 1),
                        "contains a NUL character (a binary file?)", null, null));
            }
            if (l.length() > MAX_LINE_CHARS) {
                throw new UnreadableException(Diagnostic.error(new SourceLocation(display, i + 1, 1),
                        "line is too long (" + l.length() + " characters; the limit is " + MAX_LINE_CHARS + ")", null, null));
            }
        }
        return new InputText(display, lines);
    }

    private static UnreadableException unreadable(String display, String message) {
        return new UnreadableException(Diagnostic.error(new SourceLocation(display, 0, 0), message, null, null));
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Python's {@code str.splitlines()}: \n, \r\n, \r, \v, \f, \x1c-\x1e, \x85, \u2028, \u2029. */
    static List<String> splitLines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isLineBreak(c)) {
                out.add(text.substring(start, i));
                i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || (c >= 0x1c && c <= 0x1e) || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    public String display() {
        return display;
    }

    /** Physical lines without their terminators. */
    public List<String> lines() {
        return lines;
    }

    /** Physical line {@code n} (1-based), or null. */
    public String line(int n) {
        return n >= 1 && n <= lines.size() ? lines.get(n - 1) : null;
    }
}
