package io.hybridctl.lab.lifecycle;

import io.hybridctl.lab.RootLab;
import io.hybridctl.lab.run.Lab;
import io.hybridctl.lab.design.LabDesign;
import io.hybridctl.lab.run.Progress;

/** A lab process for the lifecycle test to kill -9: brings a lab up, says so, then waits forever. */
public final class UpAndWait {

    private UpAndWait() {
    }

    public static void main(String[] args) throws InterruptedException {
        Lab lab = RootLab.lab();
        LabDesign design = RootLab.design(args[0], args[1]);
        lab.up(design, true, Progress.silent());
        System.out.println("UP");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
