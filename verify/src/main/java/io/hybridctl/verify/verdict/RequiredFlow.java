package io.hybridctl.verify.verdict;

import java.util.List;

/** A flow of verify's catalogue that applies to a design: its name, its title and its legs. */
public record RequiredFlow(String name, String title, List<RequiredLeg> legs) {

    public RequiredFlow {
        legs = List.copyOf(legs);
    }
}
