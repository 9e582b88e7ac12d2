// SPDX-License-Identifier: MIT
// Contracts the ingestion tests deploy on anvil to make the activity Strata ingests: an ERC-20 whose
// supply is the largest uint256 (amounts exercise exact 256-bit decoding), an ERC-721-style
// collectible whose Transfer event has four topics (not an ERC-20 transfer), and a router whose
// calls make internal traces: value transfers, a token relay, a contract creation, a caught revert
// inside a successful transaction and a transaction that reverts as a whole.
pragma solidity ^0.8.20;

contract StrataToken {
    string public constant name = "Strata Token";
    string public constant symbol = "STR";
    uint8 public constant decimals = 18;
    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    constructor() {
        totalSupply = type(uint256).max;
        balanceOf[msg.sender] = type(uint256).max;
        emit Transfer(address(0), msg.sender, type(uint256).max);
    }

    function transfer(address to, uint256 value) external returns (bool) {
        move(msg.sender, to, value);
        return true;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        require(allowed >= value, "StrataToken: allowance");
        if (allowed != type(uint256).max) {
            allowance[from][msg.sender] = allowed - value;
        }
        move(from, to, value);
        return true;
    }

    function move(address from, address to, uint256 value) private {
        require(balanceOf[from] >= value, "StrataToken: balance");
        balanceOf[from] -= value;
        balanceOf[to] += value;
        emit Transfer(from, to, value);
    }
}

contract StrataCollectible {
    mapping(uint256 => address) public ownerOf;
    uint256 public minted;

    event Transfer(address indexed from, address indexed to, uint256 indexed tokenId);

    function mint(address to) external returns (uint256 tokenId) {
        tokenId = ++minted;
        ownerOf[tokenId] = to;
        emit Transfer(address(0), to, tokenId);
    }
}

contract Child {
    uint256 public created = 1;

    function fail() external pure {
        revert("Child: failed");
    }
}

interface IStrataToken {
    function transferFrom(address from, address to, uint256 value) external returns (bool);
}

contract Router {
    event Split(address indexed payer, uint256 total);
    event Caught(address indexed child, bool ok);

    function split(address payable a, address payable b) external payable {
        a.transfer(msg.value / 2);
        b.transfer(msg.value - msg.value / 2);
        emit Split(msg.sender, msg.value);
    }

    function relay(IStrataToken token, address to, uint256 value) external {
        require(token.transferFrom(msg.sender, to, value), "Router: relay");
    }

    function createAndCatch() external returns (address child, bool ok) {
        Child c = new Child();
        child = address(c);
        try c.fail() {
            ok = true;
        } catch {
            ok = false;
        }
        emit Caught(child, ok);
    }

    function refuse() external pure {
        revert("Router: refused");
    }
}
