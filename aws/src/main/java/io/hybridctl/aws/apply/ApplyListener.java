package io.hybridctl.aws.apply;

import io.hybridctl.aws.cluster.RegisteredNode;
import io.hybridctl.aws.cluster.RemoteNetworks;
import io.hybridctl.aws.stack.ChangeSetPreview;
import io.hybridctl.aws.stack.StackEvent;

import java.util.List;
import java.util.Optional;

/** What apply tells the person running it, in order; the CLI prints it. */
public interface ApplyListener {

    void preview(ChangeSetPreview stack, Optional<RemoteNetworks.Change> cluster, List<RegisteredNode> cutOff);

    void event(StackEvent event);

    void note(String line);

    /** Something is running in AWS that an interrupt would not stop: say what and how to watch it; empty when done. */
    void inFlight(Optional<String> whatAndHowToWatch);
}
