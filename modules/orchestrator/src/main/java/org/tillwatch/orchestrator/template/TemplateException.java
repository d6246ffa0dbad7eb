package org.tillwatch.orchestrator.template;

/** A templates file that cannot be used: the message names the template and the key. */
public final class TemplateException extends IllegalArgumentException {
    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
