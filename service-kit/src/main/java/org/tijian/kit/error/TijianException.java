package org.tijian.kit.error;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;

/** A failure with a stable code. Thrown by domain code; the web layer answers it as problem+json. */
public class TijianException extends RuntimeException {

    private final ErrorCode errorCode;
    private final Object[] arguments;

    public TijianException(ErrorCode errorCode, Object... arguments) {
        super(errorCode.code() + " " + format(errorCode.messageEn(), arguments));
        this.errorCode = errorCode;
        this.arguments = arguments.clone();
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    public String message(Locale locale) {
        return message(errorCode, locale, arguments);
    }

    public static String message(ErrorCode code, Locale locale, Object... arguments) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        return format(english ? code.messageEn() : code.messageZh(), arguments);
    }

    private static String format(String pattern, Object[] arguments) {
        Object[] texts = Arrays.stream(arguments).map(String::valueOf).toArray();
        return new MessageFormat(pattern.replace("'", "''"), Locale.ROOT).format(texts);
    }
}
