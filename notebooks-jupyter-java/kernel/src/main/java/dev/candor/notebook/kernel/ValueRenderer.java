package dev.candor.notebook.kernel;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.regex.Pattern;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;

/**
 * Turns a Java value into what the notebook shows: a {@link DisplayData} as is; an object with a
 * public no-argument {@code String toHtml()} as {@code text/html} with its {@code toString()} as
 * {@code text/plain}; a string holding an SVG document as {@code image/svg+xml} (and the string as
 * text); anything else as {@code text/plain} (arrays element by element).
 */
final class ValueRenderer {
    private static final Pattern SVG = Pattern.compile(
            "\\A\\s*(<\\?xml[^>]*\\?>\\s*)?(<!--.*?-->\\s*)*(<!DOCTYPE[^>]*>\\s*)?<svg[\\s>].*</svg>\\s*\\z",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private ValueRenderer() {
    }

    /** The rich representation of {@code value}. */
    static DisplayData render(Object value) {
        if (value instanceof DisplayData d) {
            return d;
        }
        if (value instanceof CharSequence s && isSvg(s)) {
            DisplayData d = new DisplayData(s.toString());
            d.putSVG(s.toString());
            return d;
        }
        String html = html(value);
        DisplayData d = new DisplayData(text(value));
        if (html != null) {
            d.putHTML(html);
        }
        return d;
    }

    /**
     * {@code value} as each of the requested MIME types, with {@code toString()} as the text fallback.
     * A {@code text/html} request for an object with {@code toHtml()} uses that HTML.
     */
    static DisplayData renderAs(Object value, String... mimeTypes) {
        if (mimeTypes == null || mimeTypes.length == 0 || value instanceof DisplayData) {
            return render(value);
        }
        String text = text(value);
        DisplayData d = new DisplayData(text);
        for (String mime : mimeTypes) {
            if (mime == null || !mime.contains("/")) {
                throw new IllegalArgumentException("display(value, mimeTypes): '" + mime
                        + "' is not a MIME type such as text/html or image/svg+xml");
            }
            String html = "text/html".equals(mime) ? html(value) : null;
            d.putData(mime, html != null ? html : text);
        }
        return d;
    }

    static boolean isSvg(CharSequence s) {
        return SVG.matcher(s).matches();
    }

    static String text(Object value) {
        if (value instanceof Object[] a) {
            return Arrays.deepToString(a);
        }
        if (value != null && value.getClass().isArray()) {
            return Arrays.deepToString(new Object[] {value}).replaceAll("\\A\\[|]\\z", "");
        }
        return String.valueOf(value);
    }

    /** The result of a public no-argument {@code toHtml()} returning a String, or null without one. */
    private static String html(Object value) {
        if (value == null || value instanceof CharSequence) {
            return null;
        }
        try {
            Method m = value.getClass().getMethod("toHtml");
            if (m.getReturnType() != String.class || Modifier.isStatic(m.getModifiers())) {
                return null;
            }
            m.setAccessible(true);
            return (String) m.invoke(value);
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("toHtml() of " + value.getClass().getName() + " failed: " + cause, cause);
        }
    }
}
