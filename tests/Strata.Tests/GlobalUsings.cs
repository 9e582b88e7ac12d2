global using System.Net;
global using System.Text.Json.Nodes;
global using Strata.Tests.Infrastructure;
global using Xunit;
