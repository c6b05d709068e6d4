package io.kompat.matrix;

/** Documented advice for a symbol that went away ({@code get_session}, {@code K.tf}, ...). */
public record Replacement(String symbol, String advice, Citation citation) {
}
