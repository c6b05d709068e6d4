package io.kompat.index.http;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The network interceptor that identifies kompat and logs in: the user agent on every request, and the
 * login of exactly the request's host (from its index URL, else {@code ~/.netrc}; the netrc {@code default}
 * only for the indexes the user configured), never another host's; a warning when a login goes over plain
 * http://. The response loses {@code Authorization} from its {@code Vary}, so no credential reaches the cache.
 */
final class CredentialInterceptor implements Interceptor {
    private final Netrc netrc;
    private final Consumer<String> warn;
    private final Map<String, Netrc.Login> urlLogins = new ConcurrentHashMap<>();
    private final Set<String> defaultLoginHosts = ConcurrentHashMap.newKeySet();
    private final Set<String> trustedHosts = ConcurrentHashMap.newKeySet();
    private final Set<String> plainHttpWarned = ConcurrentHashMap.newKeySet();

    CredentialInterceptor(Netrc netrc, Consumer<String> warn) {
        this.netrc = netrc;
        this.warn = warn;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request.Builder b = chain.request().newBuilder().header("User-Agent", HttpSettings.USER_AGENT);
        Netrc.Login login = loginFor(chain.request().url());
        if (login != null && chain.request().header("Authorization") == null) {
            b.header("Authorization", Credentials.basic(nz(login.user()), nz(login.password()), StandardCharsets.UTF_8));
        }
        return withoutCredentialVary(chain.proceed(b.build()));
    }

    /**
     * The response without {@code Authorization} in its {@code Vary}: OkHttp's cache keeps the request headers a
     * response varies on, so the credential itself would be written into the cache entry. The cache is the
     * user's own and a host's login is fixed for a run, so the entry needs no key by credential.
     */
    static Response withoutCredentialVary(Response r) {
        List<String> vary = r.headers("Vary");
        if (vary.stream().noneMatch(v -> v.toLowerCase(Locale.ROOT).contains("authorization"))) {
            return r;
        }
        List<String> kept = new ArrayList<>();
        for (String v : vary) {
            for (String field : v.split(",")) {
                if (!field.isBlank() && !field.strip().equalsIgnoreCase("authorization")) {
                    kept.add(field.strip());
                }
            }
        }
        Response.Builder b = r.newBuilder().removeHeader("Vary");
        if (!kept.isEmpty()) {
            b.header("Vary", String.join(", ", kept));
        }
        return b.build();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The login for exactly this host (and port, for logins given in a URL); never for another host. */
    private Netrc.Login loginFor(HttpUrl url) {
        Netrc.Login l = urlLogins.get(url.host() + ":" + url.port());
        if (l == null) {
            l = netrc.machine(url.host());
        }
        if (l == null && defaultLoginHosts.contains(url.host().toLowerCase(Locale.ROOT))) {
            l = netrc.fallback();
        }
        if (l != null && !url.isHttps() && !trustedHosts.contains(url.host().toLowerCase(Locale.ROOT)) && plainHttpWarned.add(url.host())) {
            warn.accept("kompat: warning: credentials for " + url.host() + " are sent over plain http:// (readable on the network);"
                    + " use https://, or --trusted-host " + url.host() + " if this is intended");
        }
        return l;
    }

    /** See {@link HttpFetcher#allowDefaultLogin}. */
    void allowDefaultLogin(String url) {
        HttpUrl h = HttpUrl.parse(url);
        if (h != null) {
            defaultLoginHosts.add(h.host().toLowerCase(Locale.ROOT));
        }
    }

    /** See {@link HttpFetcher#trustHost}. */
    void trustHost(String host) {
        String h = host.contains(":") && !host.startsWith("[") ? host.substring(0, host.indexOf(':')) : host;
        trustedHosts.add(h.toLowerCase(Locale.ROOT));
    }

    /** See {@link HttpFetcher#register}. */
    URI register(URI url) {
        if (url.getRawUserInfo() == null) {
            return url;
        }
        HttpUrl h = HttpUrl.get(url.toString());
        urlLogins.put(h.host() + ":" + h.port(), new Netrc.Login(h.username(), h.password()));
        return h.newBuilder().username("").password("").build().uri();
    }
}
