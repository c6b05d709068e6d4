/**
 * The remote package index adapter on OkHttp: Simple API (HTML and JSON), PyPI's JSON API, wheel metadata, the disk cache, credentials from netrc and URLs.
 */
package io.kompat.index.http;
