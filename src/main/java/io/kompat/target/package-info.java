/**
 * What kompat predicts for: a CPython version on a platform, parsed once, with its marker environment and wheel tags.
 */
package io.kompat.target;
