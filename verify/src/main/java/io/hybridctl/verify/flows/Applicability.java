package io.hybridctl.verify.flows;

import java.util.List;

/** Whether a catalogue entry applies to a design, and if so the legs to check. */
public sealed interface Applicability {

    record Applies(List<Leg> legs) implements Applicability {
        public Applies {
            legs = List.copyOf(legs);
        }
    }

    record NotApplicable(String why) implements Applicability {
    }
}
