package dev.candor.core;

/**
 * HTML and XML escaping for every renderer of Candor (HTML tables, SVG charts, reports), so that
 * text from data (group names, feature names, file names) can never become markup.
 *
 * <p>{@link #escape(String)} replaces the five characters with a meaning in markup: {@code &} by
 * {@code &amp;}, {@code <} by {@code &lt;}, {@code >} by {@code &gt;}, {@code "} by {@code &quot;}
 * and {@code '} by {@code &#39;}, which makes the result safe in element content and in attribute
 * values quoted either way. Control characters other than tab, line feed and carriage return are not
 * allowed in XML 1.0 documents (an SVG with one fails to parse), so each becomes a space.
 *
 * @since 0.1.0
 */
public final class Html {

    private Html() {
    }

    /**
     * @param s text, or null
     * @return the escaped text; the empty string for null
     */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '\'' -> "&#39;";
                case '"' -> "&quot;";
                default -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? " " : null;
            };
            if (r != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (r != null) {
                    sb.append(r);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }
}
