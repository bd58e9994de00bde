package org.hearth.app.compute;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
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
import org.hearth.app.desktop.UiThread;
import org.hearth.compute.job.BackendReport;
import org.hearth.compute.provider.AgentLog;
import org.hearth.compute.provider.LocalJobLoop;
import org.hearth.compute.provider.MachineState;
import org.hearth.compute.provider.ProviderAgent;
import org.hearth.compute.provider.ProviderPolicy;
import org.hearth.compute.provider.ProviderSettings;
import org.hearth.compute.provider.ProviderStatus;
import org.hearth.compute.provider.ThroughputHistory;
import org.hearth.compute.thermal.ThermalReading;
import org.hearth.compute.worker.WorkerCapabilities;

/**
 * The Compute screen's bridge to the provider agent (core, owned by the app's services): it turns the
 * agent's plain events into FX properties on the FX thread and passes the toggle and the policy back.
 * The agent keeps running whatever screen is open; this model only subscribes.
 */
public final class ComputeModel implements AutoCloseable {

    static final String POLICY_KEY = ProviderSettings.POLICY;
    static final int LOG_LINES = AgentLog.LINES;
    static final int CHART_POINTS = ThroughputHistory.POINTS;

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
    /** Temperatures as last read (by the policy while sharing, by the screen otherwise); null before the first. */
    public final ObjectProperty<ThermalReading> thermal = new SimpleObjectProperty<>();
    /** The agent's log, oldest first, at most {@link #LOG_LINES}. */
    public final ObservableList<AgentLog.Line> log = FXCollections.observableArrayList();
    /** The job running now, in words; "" when none. */
    public final StringProperty currentJob = new SimpleStringProperty("");
    public final ComputeChoices choices;
    /** What the worker found at its last start (the market's attestation is made from it); null before. */
    public final ObjectProperty<WorkerCapabilities> capabilities = new SimpleObjectProperty<>();
    /** Whether the running agent takes market jobs (else local benchmark jobs). */
    public final BooleanProperty onMarket = new SimpleBooleanProperty(false);
    /** The user's choice to run local benchmark jobs while the wallet is locked (market sharing cannot sign then). */
    public final BooleanProperty localWhileLocked = new SimpleBooleanProperty(false);

    private final ResourceBundle text = ResourceBundle.getBundle("org.hearth.app.messages");
    private final ProviderAgent agent;
    /** Turning sharing off while a market job is held: finish it or release it, as the user chooses. */
    final SharingStop stopping;
    private final AppServices services;
    private final Runnable unsubscribe;
    private int tilesThisImage;
    /** Picks the next run's job source; true when it is the market. */
    private volatile java.util.function.BooleanSupplier sourcePicker = () -> false;

    public ComputeModel(AppServices services) {
        this.services = services;
        this.agent = services.provider();
        this.choices = new ComputeChoices(services);
        this.stopping = new SharingStop(agent, () -> services.sessions().current());
        stopping.finishing.addListener((obs, was, is) -> {
            if (is) {
                status.set(String.format(text.getString("compute.finishing"), stopping.finishingJob));
            }
        });
        ProviderSettings settings = new ProviderSettings(services.settings());
        ProviderPolicy stored = settings.policy();
        agent.setPolicy(stored);
        policy.set(stored);
        policy.addListener((obs, was, is) -> {
            settings.setPolicy(is);
            agent.setPolicy(is);
        });
        log.setAll(agent.recentLog());
        ThroughputHistory.Snapshot past = agent.history();
        past.renderMsps().forEach(v -> add(renderSeries, v));
        past.gemmGflops().forEach(v -> add(gemmSeries, v));
        unsubscribe = agent.subscribe(new Bridge());
    }

    /** The toggle: starts or stops the agent's worker (stopping waits for the child, so it runs off the FX thread). */
    public void setSharing(boolean on) {
        if (on == agent.status().active()) {
            return;
        }
        if (on) {
            Optional<List<String>> allowed = choices.allowedBackends(List.copyOf(backends));
            if (allowed.isEmpty()) {
                sharing.set(false);
                status.set(text.getString("compute.allDevicesOff"));
                return;
            }
            MarketShareModel marketSide;
            synchronized (this) {
                marketSide = market;
            }
            if (marketSide != null && marketSide.needsUnlock() && !localWhileLocked.get()) {
                sharing.set(false); // never fall back to local jobs silently: the Share tab says why and offers the unlock
                status.set(text.getString("compute.needsUnlock"));
                return;
            }
            agent.setAllowedBackends(allowed.get());
            agent.setSkippedDevices(choices.devices.get().off());
            onMarket.set(sourcePicker.getAsBoolean());
            agent.start();
        } else {
            java.util.function.Consumer<Throwable> failed = failure -> status.set(org.hearth.app.desktop.Messages.describe(failure));
            if (stopping.finishing.get() || stopping.stop(() -> sharing.set(true), failed)) {
                return; // the held job is finished or released as the user chooses
            }
            UiThread.background(() -> {
                agent.stop();
                return null;
            }, ignored -> { }, failed);
        }
    }

    private MarketShareModel market;

    /** The market side of the screen (one per app, like this model); it decides each run's job source. */
    public synchronized MarketShareModel market(org.hearth.app.wallet.WalletModel wallet) {
        if (market == null) {
            market = new MarketShareModel(services, wallet);
            setSourcePicker(market::prepareSource);
        }
        return market;
    }

    private RequestsModel requests;

    /** The Requests tab's model (one per app, so a request goes on while the screen is hidden). */
    public synchronized RequestsModel requests(java.util.ResourceBundle bundle, MarketShareModel marketSide) {
        if (requests == null) {
            requests = new RequestsModel(bundle, marketSide);
        }
        return requests;
    }

    /** The market side sets this: it hands the agent the market's job source when the market is ready. */
    void setSourcePicker(java.util.function.BooleanSupplier picker) {
        sourcePicker = picker;
    }

    /** Applies changed device switches: stored at once; a running worker restarts with the devices left on. */
    public void setDevices(org.hearth.compute.provider.DeviceSwitches next) {
        choices.devices.set(next);
        if (agent.status().active()) {
            UiThread.background(() -> {
                agent.stop();
                return null;
            }, ignored -> setSharing(true), failure -> status.set(org.hearth.app.desktop.Messages.describe(failure)));
        }
    }

    /** Reads the temperatures once off the FX thread (the policy reads them itself while sharing). */
    public void refreshThermal() {
        UiThread.background(() -> agent.thermals().read(), thermal::set, failure -> { });
    }

    /** The worker child's pid while sharing, for diagnostics and tests. */
    public Optional<Long> workerPid() {
        return agent.workerPid();
    }

    private String words(ProviderStatus s) {
        if (stopping.finishing.get() && s.active()) {
            return String.format(text.getString("compute.finishing"), stopping.finishingJob);
        }
        return switch (s.state()) {
            case STOPPED -> "";
            case STARTING -> text.getString("compute.starting");
            case RUNNING -> text.getString(onMarket.get() ? "compute.runningMarket" : "compute.running");
            case PAUSED -> String.format(text.getString("compute.paused"), s.reason());
            case FAILED -> String.format(text.getString("compute.failed"), s.reason());
        };
    }

    /** Every agent event reaches the FX thread here, and only here. */
    private final class Bridge implements ProviderAgent.Listener {
        @Override
        public void status(ProviderStatus s) {
            UiThread.run(() -> {
                stopping.status(s);
                sharing.set(s.active() && !stopping.finishing.get());
                status.set(words(s));
                backend.set(s.backend());
            });
        }

        @Override
        public void started(WorkerCapabilities capabilities) {
            List<BackendReport> reports = capabilities.backends();
            UiThread.run(() -> {
                backends.setAll(reports);
                ComputeModel.this.capabilities.set(capabilities);
            });
        }

        @Override
        public void imageStarted(int pass) {
            UiThread.run(() -> {
                tilesThisImage = 0;
                imageProgress.set(0);
                imagePass.set(pass);
                currentJob.set(String.format(text.getString("compute.job.local"), pass, 1, tilesPerImage()));
            });
        }

        @Override
        public void tile(LocalJobLoop.TileDone done) {
            UiThread.run(() -> {
                tilesThisImage++;
                int total = tilesPerImage();
                imageProgress.set(tilesThisImage / (double) total);
                if (!onMarket.get()) {
                    currentJob.set(String.format(text.getString("compute.job.local"), imagePass.get(),
                            Math.min(total, tilesThisImage + 1), total));
                }
                lastTile.set(done);
                add(renderSeries, done.msamplesPerSecond());
            });
        }

        @Override
        public void gemm(LocalJobLoop.GemmDone done) {
            UiThread.run(() -> add(gemmSeries, done.gflops()));
        }

        @Override
        public void machine(MachineState state, String unreadable) {
            UiThread.run(() -> {
                machine.set(state);
                machineUnreadable.set(unreadable);
                if (state == null) {
                    currentJob.set("");
                }
            });
        }

        @Override
        public void thermal(ThermalReading reading) {
            UiThread.run(() -> thermal.set(reading));
        }

        @Override
        public void log(String line) {
            AgentLog.Line entry = new AgentLog.Line(Instant.now(), line);
            UiThread.run(() -> {
                if (onMarket.get() && line.startsWith("Job #")) {
                    currentJob.set(line); // the market loop's latest step on the job it holds
                }
                log.add(entry);
                if (log.size() > LOG_LINES) {
                    log.remove(0, log.size() - LOG_LINES);
                }
            });
        }
    }

    private static int tilesPerImage() {
        return (LocalJobLoop.WIDTH / LocalJobLoop.TILE) * (LocalJobLoop.HEIGHT / LocalJobLoop.TILE);
    }

    private static void add(XYChart.Series<Number, Number> series, double value) {
        long x = series.getData().isEmpty() ? 0 : series.getData().getLast().getXValue().longValue() + 1;
        series.getData().add(new XYChart.Data<>(x, value));
        if (series.getData().size() > CHART_POINTS) {
            series.getData().removeFirst();
        }
    }

    /** Releases this screen's subscription; the agent itself belongs to the app's services. */
    @Override
    public void close() {
        unsubscribe.run();
        synchronized (this) {
            if (market != null) {
                market.close();
            }
        }
    }
}
