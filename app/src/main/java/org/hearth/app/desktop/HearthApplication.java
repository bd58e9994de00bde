package org.hearth.app.desktop;

import java.util.ResourceBundle;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.hearth.app.compute.ComputeModel;
import org.hearth.app.compute.ComputeView;
import org.hearth.app.node.NodeView;
import org.hearth.app.placeholder.ComingSoonView;
import org.hearth.app.settings.SettingsView;
import org.hearth.app.shell.MainWindow;
import org.hearth.app.shell.Screen;
import org.hearth.app.shell.StatusBar;
import org.hearth.app.shell.Theme;
import org.hearth.app.shell.WindowGeometry;
import org.hearth.app.wallet.WalletModel;
import org.hearth.app.wallet.WalletView;

/** The desktop window. It appears first; the chain starts behind a progress indicator. */
public final class HearthApplication extends Application {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HearthApplication.class);

    /** Set by {@link DesktopLauncher} (JavaFX instantiates this class itself). */
    static volatile LaunchOptions options = new LaunchOptions(null, null);

    private final ResourceBundle text = ResourceBundle.getBundle("org.hearth.app.messages");
    private AppServices services;
    private ChainModel chain;
    private WalletModel wallet;
    private ComputeModel compute;
    private MainWindow window;
    private Stage stage;

    public HearthApplication() {
    }

    /** For tests: a window on a given data dir. */
    public HearthApplication(LaunchOptions launchOptions) {
        options = launchOptions;
    }

    @Override
    public void start(Stage stage) {
        System.err.println("T start " + sinceLaunch());
        this.stage = stage;
        System.err.println("T " + "this.stage = stage;" + " " + sinceLaunch() + " cpu " + cpu());
        services = EarlyServices.take(options);
        System.err.println("T " + "services = EarlyServices.take(options);" + " " + sinceLaunch() + " cpu " + cpu());
        // JavaFX skips stop() when the process is terminated (SIGTERM, logout): still stop our node then.
        Runtime.getRuntime().addShutdownHook(new Thread(services::close, "hearth-shutdown"));
        System.err.println("T " + "Runtime.getRuntime().addShutdownHook(new" + " " + sinceLaunch() + " cpu " + cpu());
        Theme.load(services.settings()).apply();
        System.err.println("T " + "Theme.load(services.settings()).apply();" + " " + sinceLaunch() + " cpu " + cpu());
        chain = new ChainModel(services);
        System.err.println("T " + "chain = new ChainModel(services);" + " " + sinceLaunch() + " cpu " + cpu());
        window = new MainWindow(text, this::createScreen, StatusBar.create(text, chain));
        System.err.println("T " + "window = new MainWindow(text, this::crea" + " " + sinceLaunch() + " cpu " + cpu());
        Scene scene = new Scene(window.root());
        System.err.println("T " + "Scene scene = new Scene(window.root());" + " " + sinceLaunch() + " cpu " + cpu());
        scene.getStylesheets().add(HearthApplication.class.getResource("/org/hearth/app/hearth.css").toExternalForm());
        System.err.println("T " + "scene.getStylesheets().add(HearthApplica" + " " + sinceLaunch() + " cpu " + cpu());
        stage.setTitle(text.getString("app.title"));
        System.err.println("T " + "setTitle" + " " + sinceLaunch() + " cpu " + cpu());
        stage.setScene(scene);
        System.err.println("T " + "stage.setScene(scene);" + " " + sinceLaunch() + " cpu " + cpu());
        WindowGeometry.restore(stage, services.settings());
        System.err.println("T " + "WindowGeometry.restore(stage, services.s" + " " + sinceLaunch() + " cpu " + cpu());
        window.show(Screen.NODE);
        System.err.println("T " + "window.show(Screen.NODE);" + " " + sinceLaunch() + " cpu " + cpu());
        StartupTraining.attach(stage);
        System.err.println("T " + "StartupTraining.attach(stage);" + " " + sinceLaunch() + " cpu " + cpu());
        stage.show();
        System.err.println("T " + "stage.show();" + " " + sinceLaunch() + " cpu " + cpu());
        LOG.info("Window shown {} ms after launch", sinceLaunch());
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            tasks.forEach(t -> { try { String st = java.nio.file.Files.readString(t.resolve("stat")); String name = st.substring(st.indexOf('(') + 1, st.lastIndexOf(')')); String[] f = st.substring(st.lastIndexOf(')') + 2).split(" "); long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); if (ticks > 0) System.err.println("TT " + name + " " + ticks * 10); } catch (Exception e) { } });
        } catch (Exception e) { }
        chain.start(text.getString("status.starting"), text.getString("status.deploying"));
    }

    static String cpu() {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return (os.getProcessCpuTime() / 1000000) + " thread " + (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1000000);
    }

    /** Milliseconds since the JVM started, for the start-up figures in the log. */
    static long sinceLaunch() {
        return System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    public MainWindow window() {
        return window;
    }

    /** The wallet's model, created on first use of the Wallet screen. */
    public WalletModel wallet() {
        if (wallet == null) {
            wallet = new WalletModel(services, chain);
        }
        return wallet;
    }

    /** The compute provider's model, created on first use of the Compute screen. */
    public ComputeModel compute() {
        if (compute == null) {
            compute = new ComputeModel(services);
        }
        return compute;
    }

    public ChainModel chain() {
        return chain;
    }

    public AppServices services() {
        return services;
    }

    private Node createScreen(Screen screen) {
        return switch (screen) {
            case NODE -> NodeView.create(text, chain);
            case WALLET -> WalletView.create(text, wallet());
            case COMPUTE -> ComputeView.create(text, compute());
            case SETTINGS -> SettingsView.create(text, services);
            default -> ComingSoonView.create(text, screen);
        };
    }

    @Override
    public void stop() {
        if (stage != null && services != null) {
            WindowGeometry.save(stage, services.settings());
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
