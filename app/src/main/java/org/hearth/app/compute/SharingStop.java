package org.hearth.app.compute;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.hearth.app.desktop.UiThread;
import org.hearth.chain.session.ChainSession;
import org.hearth.compute.provider.AgentStop;
import org.hearth.compute.provider.JobSource;
import org.hearth.compute.provider.ProviderAgent;
import org.hearth.compute.provider.ProviderStatus;
import org.hearth.market.MarketContract;
import org.hearth.market.share.StopQuote;

/**
 * Turning sharing off while the market agent holds a claimed job: claiming pauses at once, then the user
 * chooses to finish the job first (drain, then stop), release it now (the claim expires, part of the
 * bond goes to the requester), or cancel (sharing goes on). Core does the stopping ({@link AgentStop}).
 */
final class SharingStop {

    enum Choice { FINISH, RELEASE, CANCEL }

    /** Asks the user on the FX thread; {@code quote} is null when the job's figures could not be read. */
    @FunctionalInterface
    interface Asker {
        void ask(long jobId, StopQuote quote, Consumer<Choice> answer);
    }

    /** The user chose to finish the held job: sharing stops once it is submitted. */
    final BooleanProperty finishing = new SimpleBooleanProperty(false);
    /** The job being finished (valid while {@link #finishing}). */
    volatile long finishingJob;

    private final ProviderAgent agent;
    private final Supplier<Optional<ChainSession>> session;
    private volatile Asker asker;

    SharingStop(ProviderAgent agent, Supplier<Optional<ChainSession>> session) {
        this.agent = agent;
        this.session = session;
    }

    void setAsker(Asker next) {
        asker = next;
    }

    /**
     * Handles a stop when the agent's source holds a job and a screen can ask: true then (the stop goes
     * on as chosen; {@code stillSharing} runs on Cancel); false for a plain stop.
     */
    boolean stop(Runnable stillSharing, Consumer<Throwable> failed) {
        OptionalLong held = AgentStop.heldJob(agent);
        Asker ask = asker;
        Optional<JobSource> source = agent.source();
        if (held.isEmpty() || ask == null || source.isEmpty()) {
            return false;
        }
        source.get().paused(true); // claiming pauses at once, whatever the user chooses
        long job = held.getAsLong();
        Optional<ChainSession> s = session.get();
        UiThread.background(() -> s.flatMap(c -> MarketContract.of(c).map(m -> StopQuote.read(c, m, job))).orElse(null),
                quote -> ask.ask(job, quote, choice -> act(choice, job, source.get(), stillSharing, failed)),
                unreadable -> ask.ask(job, null, choice -> act(choice, job, source.get(), stillSharing, failed)));
        return true;
    }

    private void act(Choice choice, long job, JobSource source, Runnable stillSharing, Consumer<Throwable> failed) {
        switch (choice) {
            case FINISH -> {
                finishingJob = job;
                finishing.set(true);
                AgentStop.whenDrained(agent);
            }
            case RELEASE -> UiThread.background(() -> {
                AgentStop.releasing(agent);
                return null;
            }, ignored -> { }, failed);
            case CANCEL -> {
                // back to what the policy says: paused only if it paused the agent
                source.paused(agent.status().state() == ProviderStatus.State.PAUSED);
                stillSharing.run();
            }
        }
    }

    /** The agent reported a state: finishing ends once it stopped. */
    void status(ProviderStatus s) {
        if (!s.active()) {
            finishing.set(false);
        }
    }
}
