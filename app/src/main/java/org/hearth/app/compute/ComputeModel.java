package org.hearth.app.compute;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.hearth.app.desktop.AppServices;
import org.hearth.app.desktop.Messages;
import org.hearth.app.desktop.Timers;
import org.hearth.app.desktop.UiThread;
import org.hearth.compute.job.BackendReport;
import org.hearth.compute.provider.LocalJobLoop;
import org.hearth.compute.provider.MachineProbe;
import org.hearth.compute.provider.MachineState;
import org.hearth.compute.provider.PolicyGate;
import org.hearth.compute.provider.ProviderPolicy;
import org.hearth.compute.worker.SupervisorSettings;
import org.hearth.compute.worker.WorkerCapabilities;
import org.hearth.compute.worker.WorkerOptions;
import org.hearth.compute.worker.WorkerSupervisor;

/**
 * "Share this machine": starts the worker child and the local job loop, applies the policy every
 * few seconds (pause with a reason, duty cycle), and collects what the screen shows.
 */
public final class ComputeModel implements AutoCloseable {

    static final String POLICY_KEY = "compute.policy";
    static final int CHART_POINTS = 60;

    public final BooleanProperty sharing = new SimpleBooleanProperty(false);
    public final StringProperty status = new SimpleStringProperty("");
    public final StringProperty backend = new SimpleStringProperty("");
    public final ObservableList<BackendReport> backends = FXCollections.observableArrayList();
    public final ObjectProperty<ProviderPolicy> policy = new SimpleObjectProperty<>();
    public final XYChart.Series<Number, Number> renderSeries = new XYChart.Series<>();
    public final XYChart.Series<Number, Number> gemmSeries = new XYChart.Series<>();
    public final DoubleProperty imageProgress = new SimpleDoubleProperty(0);
    public final ObjectProperty<LocalJobLoop.TileDone> lastTile = new SimpleObjectProperty<>();
    public final ObjectProperty<Integer> imagePass = new SimpleObjectProperty<>(0);
    /** The machine as the policy last saw it while sharing; null when not sharing. */
    public final ObjectProperty<MachineState> machine = new SimpleObjectProperty<>();
    /** Why this machine's load and power cannot be read (then it counts as idle on mains); empty where they can. */
    public final StringProperty machineUnreadable = new SimpleStringProperty("");

    private final AppServices services;
    private final MachineProbe probe = new MachineProbe();
    private final ScheduledExecutorService policyTimer = Timers.daemon("provider-policy");
    private volatile WorkerSupervisor worker;
    private volatile LocalJobLoop loop;
    private volatile boolean pausedByPolicy;
    private int tilesThisImage;

    public ComputeModel(AppServices services) {
        this.services = services;
        policy.set(ProviderPolicy.decode(services.settings().get(POLICY_KEY).orElse(ProviderPolicy.DEFAULT.encode())));
        policy.addListener((obs, was, is) -> {
            services.settings().put(POLICY_KEY, is.encode());
            applyPolicySoon();
        });
        policyTimer.scheduleWithFixedDelay(this::applyPolicy, 2, 5, TimeUnit.SECONDS);
    }

    public void setSharing(boolean on, String startingText) {
        if (on == (worker != null)) {
            return;
        }
        if (on) {
            start(startingText);
        } else {
            stop();
        }
    }

    private void start(String startingText) {
        sharing.set(true);
        status.set(startingText);
        // a fresh first reading while the worker starts, so the first figure shown covers a real interval
        onPolicyThread(() -> probe.sample(0));
        UiThread.background(() -> {
            WorkerSupervisor w = WorkerSupervisor.start(WorkerOptions.defaults(), SupervisorSettings.defaults(),
                    event -> {
                        if (event.kind() != org.hearth.compute.worker.WorkerEvent.Kind.JOB_STARTED) { // too frequent to read
                            UiThread.run(() -> status.set(event.toString()));
                        }
                    });
            WorkerCapabilities caps = w.awaitReady(Duration.ofMinutes(2));
            return new Object[] {w, caps};
        }, started -> {
            worker = (WorkerSupervisor) started[0];
            WorkerCapabilities caps = (WorkerCapabilities) started[1];
            backends.setAll(caps.backends());
            backend.set(caps.chosen());
            loop = new LocalJobLoop(worker, new LoopListener());
            loop.start();
            applyPolicySoon();
        }, failure -> {
            sharing.set(false);
            status.set(Messages.describe(failure));
        });
    }

    /** The worker child's pid while sharing, for diagnostics and tests. */
    public Optional<Long> workerPid() {
        WorkerSupervisor w = worker;
        return w == null ? Optional.empty() : w.workerProcess().map(ProcessHandle::pid);
    }

    private void stop() {
        LocalJobLoop l = loop;
        WorkerSupervisor w = worker;
        loop = null;
        worker = null;
        sharing.set(false);
        status.set("");
        machine.set(null);
        UiThread.background(() -> {
            if (l != null) {
                l.close();
            }
            if (w != null) {
                w.close();
            }
            return null;
        }, ignored -> { }, failure -> status.set(Messages.describe(failure)));
    }

    private void applyPolicySoon() {
        onPolicyThread(this::applyPolicy);
    }

    /** The probe runs on the policy thread, never the FX thread: its first use loads OSHI (a few hundred ms). */
    private void onPolicyThread(Runnable work) {
        try {
            policyTimer.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the screen is closing: nothing to measure
        }
    }

    /** Pauses the worker while the policy says so, resumes it otherwise, and sets its duty cycle. */
    private void applyPolicy() {
        WorkerSupervisor w = worker;
        ProviderPolicy p = policy.get();
        if (w == null || p == null) {
            return;
        }
        long workerCpu = w.workerProcess().flatMap(h -> h.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
        MachineState state = probe.sample(workerCpu);
        String unreadable = probe.unavailableReason().orElse("");
        Optional<String> reason = PolicyGate.pauseReason(p, state);
        w.dutyCycle(p.maxSharePercent());
        if (reason.isPresent() && !pausedByPolicy) {
            w.pause();
            pausedByPolicy = true;
        } else if (reason.isEmpty() && pausedByPolicy) {
            w.resume();
            pausedByPolicy = false;
        }
        UiThread.run(() -> {
            status.set(reason.map(r -> String.format(Messages.text().getString("compute.paused"), r))
                    .orElse(Messages.text().getString("compute.running")));
            machine.set(worker == null ? null : state);
            machineUnreadable.set(unreadable);
        });
    }

    private final class LoopListener implements LocalJobLoop.Listener {
        @Override
        public void imageStarted(int pass) {
            UiThread.run(() -> {
                tilesThisImage = 0;
                imageProgress.set(0);
                imagePass.set(pass);
            });
        }

        @Override
        public void tile(LocalJobLoop.TileDone done) {
            UiThread.run(() -> {
                tilesThisImage++;
                int total = (LocalJobLoop.WIDTH / LocalJobLoop.TILE) * (LocalJobLoop.HEIGHT / LocalJobLoop.TILE);
                imageProgress.set(tilesThisImage / (double) total);
                lastTile.set(done);
                add(renderSeries, done.msamplesPerSecond());
            });
        }

        @Override
        public void gemm(LocalJobLoop.GemmDone done) {
            UiThread.run(() -> add(gemmSeries, done.gflops()));
        }

        @Override
        public void failed(String message) {
            UiThread.run(() -> status.set(message));
        }
    }

    private void add(XYChart.Series<Number, Number> series, double value) {
        long x = series.getData().isEmpty() ? 0 : series.getData().getLast().getXValue().longValue() + 1;
        series.getData().add(new XYChart.Data<>(x, value));
        if (series.getData().size() > CHART_POINTS) {
            series.getData().removeFirst();
        }
    }

    @Override
    public void close() {
        policyTimer.shutdownNow();
        stop();
    }
}
