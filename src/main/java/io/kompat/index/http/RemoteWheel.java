package io.kompat.index.http;

import io.kompat.index.IndexException;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads {@code *.dist-info/METADATA} out of a remote wheel with HTTP range requests: the tail of the file
 * (end of central directory and, usually, the central directory itself), then just the one member. A
 * wheel is a ZIP file; ZIP64 archives and servers without range support return null, and the caller
 * downloads the wheel instead.
 */
final class RemoteWheel {
    private static final int TAIL = 64 * 1024;
    private static final int MAX_METADATA = 4 * 1024 * 1024;
    private static final int EOCD = 0x06054b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL = 0x04034b50;

    private RemoteWheel() {
    }

    /** The METADATA text, or null when ranges cannot be used for this file. */
    static String metadata(HttpFetcher http, URI wheel) throws IndexException {
        HttpFetcher.Fetched tail = http.getRange(wheel, "bytes=-" + TAIL, TAIL + 1024);
        if (tail.status() != 206) {
            return null;
        }
        long size = totalSize(tail);
        if (size < 0) {
            return null;
        }
        if (size < tail.body().length) {
            throw new IndexException(HttpFetcher.display(wheel) + ": the server gives the file " + size + " bytes but served "
                    + tail.body().length + " of its end");
        }
        long tailStart = size - tail.body().length;
        ByteBuffer t = ByteBuffer.wrap(tail.body()).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = -1;
        for (int i = t.limit() - 22; i >= 0 && i >= t.limit() - 22 - 65535; i--) {
            if (t.getInt(i) == EOCD) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            throw new IndexException(HttpFetcher.display(wheel) + ": not a ZIP file (no end of central directory)");
        }
        long cdSize = Integer.toUnsignedLong(t.getInt(eocd + 12));
        long cdOffset = Integer.toUnsignedLong(t.getInt(eocd + 16));
        if (cdSize == 0xFFFFFFFFL || cdOffset == 0xFFFFFFFFL) {
            return null;
        }
        if (cdSize > 64L * 1024 * 1024) {
            throw new IndexException(HttpFetcher.display(wheel) + ": central directory of " + cdSize + " bytes; refused");
        }
        if (cdOffset + cdSize > size) {
            throw new IndexException(HttpFetcher.display(wheel) + ": the central directory (" + cdSize + " bytes at " + cdOffset
                    + ") runs past the end of the " + size + "-byte file");
        }
        ByteBuffer cd;
        if (cdOffset >= tailStart) {
            cd = ByteBuffer.wrap(tail.body(), (int) (cdOffset - tailStart), (int) cdSize).slice().order(ByteOrder.LITTLE_ENDIAN);
        } else {
            HttpFetcher.Fetched part = http.getRange(wheel, "bytes=" + cdOffset + "-" + (cdOffset + cdSize - 1), cdSize + 1024);
            if (part.status() != 206 || part.body().length < cdSize) {
                return null;
            }
            cd = ByteBuffer.wrap(part.body()).order(ByteOrder.LITTLE_ENDIAN);
        }
        Entry entry = findMetadata(cd, wheel);
        if (entry == null) {
            throw new IndexException(HttpFetcher.display(wheel) + ": the wheel has no .dist-info/METADATA");
        }
        if (entry.compressedSize > MAX_METADATA || entry.size > MAX_METADATA) {
            throw new IndexException(HttpFetcher.display(wheel) + ": METADATA larger than 4 MiB; refused");
        }
        if (entry.localOffset + 30 > size) {
            throw new IndexException(HttpFetcher.display(wheel) + ": METADATA's local header (at " + entry.localOffset
                    + ") lies past the end of the " + size + "-byte file");
        }
        long end = Math.min(size - 1, entry.localOffset + 30 + entry.nameLength + 1024 + entry.compressedSize);
        HttpFetcher.Fetched member = http.getRange(wheel, "bytes=" + entry.localOffset + "-" + end, end - entry.localOffset + 1024);
        if (member.status() != 206) {
            return null;
        }
        ByteBuffer m = ByteBuffer.wrap(member.body()).order(ByteOrder.LITTLE_ENDIAN);
        if (m.limit() < 30 || m.getInt(0) != LOCAL) {
            throw new IndexException(HttpFetcher.display(wheel) + ": corrupt local header of METADATA");
        }
        int dataStart = 30 + Short.toUnsignedInt(m.getShort(26)) + Short.toUnsignedInt(m.getShort(28));
        if (dataStart + entry.compressedSize > m.limit()) {
            throw new IndexException(HttpFetcher.display(wheel) + ": METADATA runs past the bytes served");
        }
        byte[] data = new byte[(int) entry.compressedSize];
        m.get(dataStart, data);
        return new String(entry.method == 0 ? data : inflate(data, (int) entry.size, wheel), StandardCharsets.UTF_8);
    }

    private record Entry(int method, long compressedSize, long size, int nameLength, long localOffset) {
    }

    private static Entry findMetadata(ByteBuffer cd, URI wheel) throws IndexException {
        int p = 0;
        while (p + 46 <= cd.limit()) {
            if (cd.getInt(p) != CENTRAL) {
                throw new IndexException(HttpFetcher.display(wheel) + ": corrupt central directory");
            }
            int method = Short.toUnsignedInt(cd.getShort(p + 10));
            long compressed = Integer.toUnsignedLong(cd.getInt(p + 20));
            long size = Integer.toUnsignedLong(cd.getInt(p + 24));
            int nameLen = Short.toUnsignedInt(cd.getShort(p + 28));
            int extraLen = Short.toUnsignedInt(cd.getShort(p + 30));
            int commentLen = Short.toUnsignedInt(cd.getShort(p + 32));
            long offset = Integer.toUnsignedLong(cd.getInt(p + 42));
            if (p + 46 + nameLen > cd.limit()) {
                break;
            }
            byte[] name = new byte[nameLen];
            cd.get(p + 46, name);
            String n = new String(name, StandardCharsets.UTF_8);
            if (n.endsWith(".dist-info/METADATA") && n.indexOf('/') == n.lastIndexOf('/')) {
                if (method != 0 && method != 8) {
                    throw new IndexException(HttpFetcher.display(wheel) + ": METADATA uses unsupported compression method " + method);
                }
                return new Entry(method, compressed, size, nameLen, offset);
            }
            p += 46 + nameLen + extraLen + commentLen;
        }
        return null;
    }

    private static byte[] inflate(byte[] data, int size, URI wheel) throws IndexException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(size, 64));
            byte[] buf = new byte[16 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buf, 0, n);
                if (out.size() > MAX_METADATA) {
                    throw new IndexException(HttpFetcher.display(wheel) + ": METADATA inflates past 4 MiB; refused");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IndexException(HttpFetcher.display(wheel) + ": corrupt METADATA in the wheel (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
    }

    /** The file size from {@code Content-Range: bytes a-b/size}, or -1. */
    private static long totalSize(HttpFetcher.Fetched f) {
        String cr = f.contentRange();
        if (cr == null || !cr.contains("/")) {
            return -1;
        }
        try {
            return Long.parseLong(cr.substring(cr.indexOf('/') + 1).strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
