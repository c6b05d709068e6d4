/**
 * From an error, a traceback or a scan of Python sources to its cause, the releases involved, the documented replacement and pins of the code's own era.
 */
package io.kompat.diagnose;
