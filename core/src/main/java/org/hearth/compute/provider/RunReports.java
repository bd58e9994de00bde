package org.hearth.compute.provider;

/**
 * Passes on what one run's job loop reports to the agent's status, throughput history and listeners;
 * a job that finishes after that run was stopped (another generation) is not reported.
 */
final class RunReports implements LocalJobLoop.Listener {

    private final ProviderAgent agent;
    private final int gen;

    RunReports(ProviderAgent agent, int gen) {
        this.agent = agent;
        this.gen = gen;
    }

    @Override
    public void imageStarted(int pass) {
        if (agent.isCurrent(gen)) {
            agent.listeners().each(x -> x.imageStarted(pass));
        }
    }

    @Override
    public void tile(LocalJobLoop.TileDone done) {
        agent.ifCurrent(gen, () -> {
            agent.throughput().addRender(done.msamplesPerSecond());
            agent.publish(agent.status().withTile(done.verified(), done.msamplesPerSecond()));
            agent.listeners().each(x -> x.tile(done));
        });
    }

    @Override
    public void gemm(LocalJobLoop.GemmDone done) {
        agent.ifCurrent(gen, () -> {
            agent.throughput().addGemm(done.gflops());
            agent.publish(agent.status().withGemm(done.verified(), done.gflops()));
            agent.listeners().each(x -> x.gemm(done));
        });
    }

    @Override
    public void failed(String message) {
        if (agent.ifCurrent(gen, () -> agent.publish(agent.status().withFailure()))) {
            agent.listeners().log("Job failed: " + message);
        }
    }

    @Override
    public void died(Throwable error) {
        if (!agent.isCurrent(gen)) {
            return;
        }
        org.slf4j.LoggerFactory.getLogger(ProviderAgent.class).error("The provider's job loop stopped", error);
        String reason = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        Thread.ofVirtual().name("provider-died").start(() -> agent.stopFailed(reason));
    }
}
