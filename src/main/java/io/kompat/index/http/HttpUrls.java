package io.kompat.index.http;

import java.net.URI;

/** Index URLs read as pip reads them (OkHttp's parser: an unencoded '@' in a password is accepted; java.net.URI would refuse it). */
public final class HttpUrls {
    private HttpUrls() {
    }

    /**
     * The URI of an {@code http(s)://} URL.
     *
     * @throws IllegalArgumentException when it is not a valid URL (the message says why)
     */
    public static URI parse(String url) {
        return okhttp3.HttpUrl.get(url).uri();
    }
}
