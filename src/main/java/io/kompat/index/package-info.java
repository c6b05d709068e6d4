/**
 * The PackageIndex port (Simple API pages, core metadata, wheel names and tags, pip's configuration) and the local sources; http/ is the remote adapter.
 */
package io.kompat.index;
