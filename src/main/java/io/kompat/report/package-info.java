/**
 * Renderers of results (text, JSON, SARIF, JUnit XML, Markdown, HTML); they do no I/O and never fetch.
 */
package io.kompat.report;
