#include <CLI/CLI.hpp>

int main(int argc, char** argv) {
  CLI::App app{"headroom-cli: replay scenarios headless"};
  CLI11_PARSE(app, argc, argv);
  return 0;
}
