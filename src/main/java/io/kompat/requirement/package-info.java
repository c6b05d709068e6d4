/**
 * PEP 503 names, PEP 508 requirements and markers, marker environments, and hiding credentials in text that is shown.
 */
package io.kompat.requirement;
