package io.kompat.index.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/** Reading response bodies within a size limit (counted after decompression, so gzip bombs stop at it). */
final class Bodies {
    private Bodies() {
    }

    /** A body past its limit; the message names the URL and the limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }

    static byte[] read(ResponseBody body, long maxBytes, URI url) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        BufferedSource source = body.source();
        Buffer buffer = new Buffer();
        while (!source.exhausted()) {
            source.read(buffer, 64 * 1024);
            if (buffer.size() > maxBytes) {
                throw new TooLarge(HttpFetcher.display(url) + ": the response is larger than " + (maxBytes / 1024) + " KiB; refused");
            }
        }
        return buffer.readByteArray();
    }

    /** Copies {@code body} to {@code out}, at most {@code maxBytes}. */
    static void copy(ResponseBody body, OutputStream out, long maxBytes, URI url) throws IOException {
        BufferedSource source = body.source();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = source.read(buf)) != -1) {
            total += n;
            if (total > maxBytes) {
                throw new TooLarge(HttpFetcher.display(url) + ": larger than " + (maxBytes >> 20) + " MiB; not downloaded");
            }
            out.write(buf, 0, n);
        }
    }
}
