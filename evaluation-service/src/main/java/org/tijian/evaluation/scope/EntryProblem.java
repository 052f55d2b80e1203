package org.tijian.evaluation.scope;

import java.util.List;
import java.util.Locale;
import org.tijian.contracts.AreaLevel;
import org.tijian.kit.error.RowErrorsException;
import org.tijian.kit.error.TijianException;

/**
 * One bad entry of a submitted scope: which list, where in it (0-based, as in the JSON body), and why.
 *
 * @param arguments the message's arguments after the field; {@link AreaLevel}s are named in the caller's language
 */
public record EntryProblem(String list, int index, ScopeError error, List<Object> arguments) {

    public EntryProblem {
        arguments = List.copyOf(arguments);
    }

    static EntryProblem of(String list, int index, ScopeError error, Object... arguments) {
        return new EntryProblem(list, index, error, List.of(arguments));
    }

    /** The entry as a JSON path into the body, e.g. {@code communities[3]}. */
    public String field() {
        return list + "[" + index + "]";
    }

    /** The kit's row error: {@code row} is the 1-based position in its list, {@code field} the 0-based JSON path. */
    public RowErrorsException.RowError toRowError(Locale locale) {
        boolean chinese = locale == null || !"en".equals(locale.getLanguage());
        Object[] texts = new Object[arguments.size() + 1];
        texts[0] = field();
        for (int i = 0; i < arguments.size(); i++) {
            Object argument = arguments.get(i);
            texts[i + 1] = argument instanceof AreaLevel level ? (chinese ? level.nameZh() : level.name()) : argument;
        }
        return new RowErrorsException.RowError(index + 1, error.code(), field(), TijianException.message(error, locale, texts));
    }
}
