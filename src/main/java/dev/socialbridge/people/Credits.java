package dev.socialbridge.people;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * First, last and linear credit of a conversion over the person's touches up to the conversion: all the value to the
 * first touch; all to the last touch (the newest campaign signal, else the first touch); equal shares to every touch,
 * the rounding remainder on the newest so that each model sums exactly to the value. Without a touch, one
 * unattributed credit per model.
 */
public final class Credits {
    /** The attribution models. */
    public static final List<String> MODELS = List.of("first", "last", "linear");
    private static final int SCALE = 4;

    private Credits() {
    }

    /** @param touches the person's touches, oldest first (empty: unattributed) */
    public static List<Credit> of(BigDecimal value, Instant at, List<PersonTouch> touches) {
        List<PersonTouch> before = touches.stream().filter(t -> !t.touch().at().isAfter(at)).toList();
        List<PersonTouch> counted = before.isEmpty() ? touches : before;   // a conversion dated before its touches
        BigDecimal v = value.setScale(SCALE, RoundingMode.HALF_EVEN);
        if (counted.isEmpty()) {
            return MODELS.stream().map(m -> new Credit(m, null, null, v)).toList();
        }
        List<Credit> out = new ArrayList<>();
        out.add(credit("first", counted.get(0), v));
        PersonTouch last = counted.get(0);
        for (PersonTouch t : counted) {
            if (t.touch().isSignal()) {
                last = t;
            }
        }
        out.add(credit("last", last, v));
        BigDecimal share = v.divide(BigDecimal.valueOf(counted.size()), SCALE, RoundingMode.DOWN);
        BigDecimal rest = v.subtract(share.multiply(BigDecimal.valueOf(counted.size() - 1L)));
        for (int i = 0; i < counted.size(); i++) {
            out.add(credit("linear", counted.get(i), i == counted.size() - 1 ? rest : share));
        }
        return out;
    }

    private static Credit credit(String model, PersonTouch t, BigDecimal amount) {
        return new Credit(model, t.id(), t.touch().source(), amount);
    }
}
