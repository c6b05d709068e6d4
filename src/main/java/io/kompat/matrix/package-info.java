/**
 * The curated knowledge of compatibility-matrix/: release metadata quoted from primary sources, runtime rules, symbol tables; the loader, schema validation and the compiled matrix.
 */
package io.kompat.matrix;
