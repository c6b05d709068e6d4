/**
 * PubGrub: terms, incompatibilities, the partial solution, conflict resolution and derivation trees; sees the world only through its DependencyProvider port and does no I/O.
 */
package io.kompat.resolve;
