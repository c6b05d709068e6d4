/**
 * Adapters from release metadata (bundled and index) and runtime rules to the ports of predict (ReleaseCatalog) and resolve (DependencyProvider).
 */
package io.kompat.provider;
