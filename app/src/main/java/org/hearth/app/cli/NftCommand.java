package org.hearth.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.awt.image.BufferedImage;
import java.math.BigInteger;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import java.util.List;
import java.util.Optional;
import org.hearth.chain.Addresses;
import org.hearth.chain.session.ChainSession;
import org.hearth.compute.blob.BlobServer;
import org.hearth.compute.blob.BlobStore;
import org.hearth.money.Amounts;
import org.hearth.nft.NftCache;
import org.hearth.nft.NftGateways;
import org.hearth.nft.NftHidden;
import org.hearth.nft.NftMetadata;
import org.hearth.nft.NftService;
import org.hearth.nft.OwnedNft;
import org.hearth.nft.ResolvedMetadata;
import org.hearth.nft.media.Thumbnails;
import org.hearth.problem.Problems;
import org.hearth.store.SettingsRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hearth nft list|show|send|hide|unhide}: NFTs an account holds, found from the chain's logs, and one token's metadata. */
@Command(name = "nft", description = "List the NFTs an account holds (from the chain's own logs), show one token's metadata, send one.",
        subcommands = NftSendCommand.class)
public final class NftCommand {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int IMAGE_OUT_SIDE = 1024;
    private static final java.util.ResourceBundle TEXT = org.hearth.app.desktop.Messages.text(java.util.Locale.ROOT);

    @ParentCommand
    HearthCommand root;

    @Spec
    CommandSpec spec;

    @Command(name = "list", description = "Index the account's NFT transfers up to the head, then list what it holds now "
            + "(confirmed with ownerOf / balanceOf).")
    int list(@Option(names = "--account", required = true, paramLabel = "ADDRESS", description = "The account.") String account,
             @Option(names = "--json", description = "Print a JSON array of {contract, id, standard, amount, name, collection, hidden, spam}.")
             boolean json,
             @Option(names = "--include-hidden", description = "Also list hidden tokens and collections.") boolean includeHidden)
            throws Exception {
        if (!Addresses.isValid(account)) {
            throw new IllegalArgumentException("Not an address: " + account);
        }
        List<NftService.Listed> listed;
        try (ChainSession session = CliSession.open(root, spec.commandLine().getErr())) {
            listed = service(session).list(account, includeHidden);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ArrayNode array = JSON.createArrayNode();
            for (NftService.Listed l : listed) {
                OwnedNft n = l.nft();
                array.addObject().put("contract", Addresses.checksummed(n.contract())).put("id", n.tokenId().toString())
                        .put("standard", n.standard().id()).put("amount", n.amount().toString()).put("name", l.name())
                        .put("collection", n.collection()).put("hidden", n.hidden()).put("spam", n.spam());
            }
            out.println(JSON.writeValueAsString(array));
            return 0;
        }
        if (listed.isEmpty()) {
            out.println("no NFTs");
        }
        for (NftService.Listed l : listed) {
            OwnedNft n = l.nft();
            out.printf("%s  #%s  %s  x%s  %s%s%s%n", Addresses.checksummed(n.contract()), n.tokenId(), n.standard().id(), n.amount(),
                    Optional.ofNullable(n.collection()).orElse("?") + " / " + Optional.ofNullable(l.name()).orElse("(no name)"),
                    n.hidden() ? "  [hidden]" : "", n.spam() ? "  [spam: " + Problems.format(TEXT, l.spamReason(), List.of()) + "]" : "");
        }
        return 0;
    }

    @Command(name = "show", description = "Resolve one token's metadata: each URI as fetched, the media type, and any error; "
            + "--image-out writes the image as PNG.")
    int show(@Parameters(index = "0", paramLabel = "CONTRACT") String contract,
             @Parameters(index = "1", paramLabel = "ID") BigInteger id,
             @Option(names = "--json", description = "Print one JSON object.") boolean json,
             @Option(names = "--image-out", paramLabel = "FILE.png", description = "Also write the image, rasterised, as PNG.")
             Path imageOut,
             @Option(names = "--refresh", description = "Fetch the metadata and image again instead of using the cache.") boolean refresh)
            throws Exception {
        if (!Addresses.isValid(contract)) {
            throw new IllegalArgumentException("Not an address: " + contract);
        }
        NftService.Detail d;
        try (ChainSession session = CliSession.open(root, spec.commandLine().getErr())) {
            d = service(session).show(contract, id, refresh);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (imageOut != null) {
            if (d.imageBytes() == null) {
                throw new IllegalStateException("No image to write: " + (d.imageError() != null ? d.imageError() : d.metadata().error()));
            }
            BufferedImage image = Thumbnails.render(d.imageBytes(), IMAGE_OUT_SIDE);
            if (!ImageIO.write(image, "png", imageOut.toFile())) {
                throw new IllegalStateException("Could not write " + imageOut);
            }
        }
        if (json) {
            out.println(JSON.writeValueAsString(toJson(d)));
            return 0;
        }
        ResolvedMetadata r = d.metadata();
        out.printf("%s #%s (%s, %s)%n", Addresses.checksummed(d.contract()), d.tokenId(), d.standard().id(),
                Optional.ofNullable(d.collection()).orElse("no collection name"));
        out.printf("token URI: %s%n", NftText.shorten(r.tokenUri()));
        r.tried().forEach(t -> out.printf("  fetched: %s%n", NftText.shorten(t)));
        if (!r.ok()) {
            out.printf("metadata error: %s%n", r.error());
            return 0;
        }
        NftMetadata m = r.metadata();
        out.printf("name: %s%ndescription: %s%nimage: %s%n", m.name(), NftText.shorten(String.valueOf(m.description())),
                NftText.shorten(String.valueOf(m.image())));
        if (m.animationUrl() != null) {
            out.printf("animation (link only, never run): %s%n", NftText.shorten(m.animationUrl()));
        }
        if (m.externalUrl() != null) {
            out.printf("external link: %s%n", NftText.shorten(m.externalUrl()));
        }
        m.attributes().forEach(a -> out.printf("  %s: %s%n", a.traitType(), a.value()));
        m.warnings().forEach(w -> out.printf("warning: %s%n", w));
        out.println(d.imageError() != null ? "image error: " + d.imageError() : "image type: " + d.imageType());
        if (d.royalty() != null) {
            out.printf("royalty (EIP-2981): %s%% to %s%n", Amounts.format(d.royalty().basisPoints(), 2), Addresses.checksummed(d.royalty().receiver()));
        }
        return 0;
    }

    @Command(name = "hide", description = "Hide one token, or a whole collection when no ID is given.")
    int hide(@Parameters(index = "0", paramLabel = "CONTRACT") String contract,
             @Parameters(index = "1", paramLabel = "ID", arity = "0..1") BigInteger id) {
        return hidden(contract, id, true);
    }

    @Command(name = "unhide", description = "Show a hidden token, or a hidden collection when no ID is given, again.")
    int unhide(@Parameters(index = "0", paramLabel = "CONTRACT") String contract,
               @Parameters(index = "1", paramLabel = "ID", arity = "0..1") BigInteger id) {
        return hidden(contract, id, false);
    }

    private int hidden(String contract, BigInteger id, boolean hide) {
        if (!Addresses.isValid(contract)) {
            throw new IllegalArgumentException("Not an address: " + contract);
        }
        try (ChainSession session = CliSession.open(root, spec.commandLine().getErr())) {
            NftHidden hidden = new NftHidden(session.database());
            if (hide) {
                hidden.hide(session.chainId(), contract, id);
            } else {
                hidden.unhide(session.chainId(), contract, id);
            }
        }
        spec.commandLine().getOut().printf("%s %s%s%n", hide ? "hidden:" : "shown:", Addresses.checksummed(contract),
                id == null ? " (whole collection)" : " #" + id);
        return 0;
    }

    private NftService service(ChainSession session) {
        // On the local chain the data dir's blobs are the default IPFS gateway: served on loopback while the command runs.
        Optional<java.net.URI> local = Optional.empty();
        if (session.isLocal()) {
            BlobServer blobs = session.own(BlobServer.startLoopback(BlobStore.inDataDir(root.dataDir().root())));
            local = Optional.of(blobs.base());
        }
        return new NftService(session, NftGateways.fromSettings(new SettingsRepository(session.database()), local),
                session.own(new NftCache(session.database(), root.dataDir().root().resolve("nft-cache"))));
    }

    private static ObjectNode toJson(NftService.Detail d) {
        ObjectNode o = JSON.createObjectNode();
        o.put("contract", Addresses.checksummed(d.contract())).put("id", d.tokenId().toString()).put("standard", d.standard().id())
                .put("collection", d.collection());
        ResolvedMetadata r = d.metadata();
        o.put("tokenUri", r.tokenUri());
        r.tried().forEach(o.putArray("fetched")::add);
        if (r.tried().isEmpty()) {
            o.putArray("fetched");
        }
        o.put("mediaType", r.mediaType());
        o.put("error", r.error());
        if (r.ok()) {
            NftMetadata m = r.metadata();
            ObjectNode meta = o.putObject("metadata");
            meta.put("name", m.name()).put("description", m.description()).put("image", m.image()).put("image_data", m.imageData())
                    .put("animation_url", m.animationUrl()).put("external_url", m.externalUrl()).put("background_color", m.backgroundColor());
            ArrayNode attrs = meta.putArray("attributes");
            m.attributes().forEach(a -> attrs.addObject().put("trait_type", a.traitType()).put("value", a.value())
                    .put("display_type", a.displayType()));
            ArrayNode warnings = o.putArray("warnings");
            m.warnings().forEach(warnings::add);
        }
        if (d.royalty() != null) {
            o.putObject("royalty").put("receiver", Addresses.checksummed(d.royalty().receiver()))
                    .put("basisPoints", d.royalty().basisPoints().toString());
        }
        ObjectNode image = o.putObject("image");
        image.put("mediaType", d.imageType()).put("error", d.imageError());
        ArrayNode tried = image.putArray("fetched");
        d.imageTried().forEach(t -> tried.add(NftText.shorten(t)));
        return o;
    }

    /** Keeps long data: URIs from flooding a terminal. */
    static final class NftText {
        private NftText() {
        }

        static String shorten(String s) {
            return s == null || s.length() <= 160 ? s : s.substring(0, 157) + "...";
        }
    }
}
