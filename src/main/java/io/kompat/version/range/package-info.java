/**
 * The solver's interval algebra over the version line: sets of versions closed under union, intersection and complement.
 */
package io.kompat.version.range;
