/**
 * What pip 23.2.1 installs for a target: a port of its resolver (resolvelib 1.0.1) and finder over a ReleaseCatalog, failing as pip fails, with pip's own messages.
 */
package io.kompat.predict;
