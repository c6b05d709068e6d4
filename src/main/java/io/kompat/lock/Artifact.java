package io.kompat.lock;

/**
 * One file of a pinned release, as a package index serves it.
 *
 * @param filename the wheel or sdist file name
 * @param url where it is served (credentials removed)
 * @param sha256 its sha256 as the index publishes it (lower-case hex)
 * @param wheel true for a wheel, false for a source distribution
 * @param uploadTime the index's upload time, or null
 */
public record Artifact(String filename, String url, String sha256, boolean wheel, String uploadTime) {
}
