package org.hearth.app.desktop;

import java.util.ResourceBundle;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.hearth.app.compute.ComputeModel;
import org.hearth.app.shell.MainWindow;
import org.hearth.app.shell.Navigator;
import org.hearth.app.shell.Screen;
import org.hearth.app.shell.ScreenContext;
import org.hearth.app.shell.StatusBar;
import org.hearth.app.shell.Theme;
import org.hearth.app.shell.WindowGeometry;
import org.hearth.app.wallet.WalletModel;

/** The desktop window. It appears first; the chain starts behind a progress indicator. */
public final class HearthApplication extends Application implements ScreenContext {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HearthApplication.class);

    /** Set by {@link DesktopLauncher} (JavaFX instantiates this class itself). */
    static volatile LaunchOptions options = new LaunchOptions(null, null);

    private final ResourceBundle text = Messages.text();
    private AppServices services;
    private ChainModel chain;
    private WalletModel wallet;
    private ComputeModel compute;
    private MainWindow window;
    private org.hearth.app.governance.GovernanceWatch governanceWatch;
    private Stage stage;

    public HearthApplication() {
    }

    /** For tests: a window on a given data dir. */
    public HearthApplication(LaunchOptions launchOptions) {
        options = launchOptions;
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        services = EarlyServices.take(options);
        // JavaFX skips stop() when the process is terminated (SIGTERM, logout): still stop our node then.
        Runtime.getRuntime().addShutdownHook(new Thread(services::close, "hearth-shutdown"));
        Theme.load(services.settings()).apply();
        chain = new ChainModel(services);
        window = new MainWindow(this, StatusBar.create(text, chain));
        governanceWatch = org.hearth.app.governance.GovernanceWatch.start(chain, services.settings());
        window.badge(Screen.GOVERNANCE, javafx.beans.binding.Bindings.createStringBinding(
                () -> governanceWatch.notices.isEmpty() ? "" : Integer.toString(governanceWatch.notices.size()), governanceWatch.notices));
        Scene scene = new Scene(window.root());
        scene.getStylesheets().add(HearthApplication.class.getResource("/org/hearth/app/hearth.css").toExternalForm());
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> chain.networkName.get().isEmpty()
                ? text.getString("app.title") : String.format(text.getString("app.title.network"), text.getString("app.title"),
                        org.hearth.app.shell.NetworkLabels.current(text, chain)),
                chain.networkName));
        stage.setScene(scene);
        WindowGeometry.restore(stage, services.settings());
        window.show(Screen.NODE);
        StartupTraining.attach(stage);
        stage.show();
        window.follow(stage);
        LOG.info("Window shown {} ms after launch", sinceLaunch());
        chain.start(chain.startingText(text), text.getString("status.deploying"));
    }

    /** Milliseconds since the JVM started, for the start-up figures in the log. */
    static long sinceLaunch() {
        return System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    @Override
    public org.hearth.app.governance.GovernanceWatch governanceWatch() {
        return governanceWatch;
    }

    public MainWindow window() {
        return window;
    }

    /** The wallet's model, created on first use of the Wallet screen. */
    @Override
    public WalletModel wallet() {
        if (wallet == null) {
            wallet = new WalletModel(services, chain);
        }
        return wallet;
    }

    /** The compute provider's model, created on first use of the Compute screen. */
    @Override
    public ComputeModel compute() {
        if (compute == null) {
            compute = new ComputeModel(services);
        }
        return compute;
    }

    @Override
    public ChainModel chain() {
        return chain;
    }

    @Override
    public AppServices services() {
        return services;
    }

    @Override
    public ResourceBundle text() {
        return text;
    }

    @Override
    public Navigator<Screen> navigator() {
        return window.navigator();
    }

    @Override
    public void stop() {
        if (stage != null && services != null) {
            WindowGeometry.save(stage, services.settings());
        }
        if (window != null) {
            window.navigator().close();
        }
        if (governanceWatch != null) {
            governanceWatch.close();
        }
        if (wallet != null) {
            wallet.close();
        }
        if (compute != null) {
            compute.close();
        }
        if (chain != null) {
            chain.close();
        }
        if (services != null) {
            services.close();
        }
    }
}
