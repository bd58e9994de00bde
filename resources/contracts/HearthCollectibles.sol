// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Base64} from "@openzeppelin/contracts/utils/Base64.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";

/// @title HearthCollectibles (HCOL)
/// @notice "Hearth Embers": ERC-721 tokens whose metadata and SVG art are generated entirely on chain
///         from keccak256(tokenId). Token ids start at 1; only the owner can mint.
contract HearthCollectibles is ERC721, Ownable {
    using Strings for uint256;

    uint256 private _minted;

    constructor(address initialOwner) ERC721("Hearth Collectibles", "HCOL") Ownable(initialOwner) {}

    /// @notice Mints the next token (ids 1, 2, 3, ...) to `to`. Owner only.
    function mint(address to) external onlyOwner returns (uint256 tokenId) {
        tokenId = ++_minted;
        _safeMint(to, tokenId);
    }

    /// @notice Number of tokens minted so far (also the highest id).
    function totalMinted() external view returns (uint256) {
        return _minted;
    }

    /// @notice A data: URI holding base64 JSON metadata with an embedded base64 SVG image.
    function tokenURI(uint256 tokenId) public view override returns (string memory) {
        _requireOwned(tokenId);
        uint256 seed = _seed(tokenId);
        string memory json = string.concat(
            '{"name":"Hearth Ember #',
            tokenId.toString(),
            '","description":"An ember from the Hearth, drawn entirely on chain from the hash of its id.",',
            '"image":"data:image/svg+xml;base64,',
            Base64.encode(bytes(svg(tokenId))),
            '","attributes":',
            _attributes(seed),
            "}"
        );
        return string.concat("data:application/json;base64,", Base64.encode(bytes(json)));
    }

    /// @notice The raw SVG art of an existing token.
    function svg(uint256 tokenId) public view returns (string memory) {
        _requireOwned(tokenId);
        uint256 seed = _seed(tokenId);
        uint256 hue = _hue(seed);
        uint256 accent = _accent(seed);
        string memory out = string.concat(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400">',
            '<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">',
            '<stop offset="0" stop-color="',
            _hsl(hue, 70, 16),
            '"/><stop offset="1" stop-color="',
            _hsl(accent, 75, 38),
            '"/></linearGradient></defs><rect width="400" height="400" fill="url(#g)"/>'
        );
        uint256 embers = _embers(seed);
        for (uint256 i = 0; i < embers; ++i) {
            out = string.concat(out, _circle(seed, hue, i));
        }
        return string.concat(out, "</svg>");
    }

    function _seed(uint256 tokenId) private pure returns (uint256) {
        return uint256(keccak256(abi.encodePacked(tokenId)));
    }

    function _hue(uint256 seed) private pure returns (uint256) {
        return seed % 360;
    }

    function _accent(uint256 seed) private pure returns (uint256) {
        return (_hue(seed) + 40 + ((seed >> 16) % 200)) % 360;
    }

    function _embers(uint256 seed) private pure returns (uint256) {
        return 3 + ((seed >> 32) % 3);
    }

    /// @dev Circle i uses 40 bits of the seed starting at bit 48 (at most 5 circles: bits 48..247).
    function _circle(uint256 seed, uint256 hue, uint256 i) private pure returns (string memory) {
        uint256 bits = seed >> (48 + i * 40);
        uint256 cx = 60 + (bits % 281);
        uint256 cy = 60 + ((bits >> 10) % 281);
        uint256 r = 20 + ((bits >> 20) % 61);
        uint256 h = (hue + ((bits >> 28) % 90)) % 360;
        return string.concat(
            '<circle cx="',
            cx.toString(),
            '" cy="',
            cy.toString(),
            '" r="',
            r.toString(),
            '" fill="',
            _hsl(h, 90, 60),
            '" fill-opacity="0.55"/>'
        );
    }

    function _hsl(uint256 h, uint256 s, uint256 l) private pure returns (string memory) {
        return string.concat("hsl(", h.toString(), ",", s.toString(), "%,", l.toString(), "%)");
    }

    function _attributes(uint256 seed) private pure returns (string memory) {
        return string.concat(
            '[{"trait_type":"Hue","value":',
            _hue(seed).toString(),
            '},{"trait_type":"Accent Hue","value":',
            _accent(seed).toString(),
            '},{"trait_type":"Embers","value":',
            _embers(seed).toString(),
            "}]"
        );
    }
}
