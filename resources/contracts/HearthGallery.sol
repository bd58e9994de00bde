// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";

/// @title HearthGallery
/// @notice An ERC-721 whose metadata lives off chain: each token's URI is set at mint (ipfs://, ar://,
///         https://, data:), or is base URI + id for tokens minted in bulk. The demo world's IPFS
///         collection and spam airdrop, and the NFT tests' hostile metadata, use it. Owner mints.
contract HearthGallery is ERC721, Ownable {
    using Strings for uint256;

    uint256 private _minted;
    string private _base;
    mapping(uint256 => string) private _uris;

    constructor(string memory name_, string memory symbol_, address initialOwner) ERC721(name_, symbol_) Ownable(initialOwner) {}

    /// @notice Mints the next token to `to` with its own metadata URI.
    function mint(address to, string calldata uri) external onlyOwner returns (uint256 tokenId) {
        tokenId = ++_minted;
        _uris[tokenId] = uri;
        _mint(to, tokenId);
    }

    /// @notice Mints `count` tokens to `to`; their URI is the base URI followed by the id.
    function mintMany(address to, uint256 count) external onlyOwner {
        for (uint256 i = 0; i < count; ++i) {
            _mint(to, ++_minted);
        }
    }

    function setBaseURI(string calldata base) external onlyOwner {
        _base = base;
    }

    function totalMinted() external view returns (uint256) {
        return _minted;
    }

    function tokenURI(uint256 tokenId) public view override returns (string memory) {
        _requireOwned(tokenId);
        string memory own = _uris[tokenId];
        return bytes(own).length > 0 ? own : string.concat(_base, tokenId.toString());
    }
}
