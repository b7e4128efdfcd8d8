package org.xbarlab.reports.figures;

/**
 * Makes AWT run without a display: sets {@code java.awt.headless=true} unless the caller set the property (either
 * way). It must run before the first class that asks AWT for a display is initialized, so every public class of this
 * package calls it from its static initializer. Rendering into a {@code BufferedImage}, JFreeSVG or OrsonPDF never
 * needs a screen, and a stale {@code DISPLAY} variable in CI would otherwise make AWT try to open one.
 */
final class HeadlessGraphics {

    private HeadlessGraphics() {
    }

    /** Sets the property if it is unset; idempotent and cheap. */
    static void ensure() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
