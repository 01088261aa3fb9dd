# The release: make dist, make install PREFIX=/usr/local, make uninstall PREFIX=/usr/local.
# Each target runs Scripts/release.sh, which says what it builds and why.
PREFIX ?= /usr/local

.PHONY: dist install uninstall clean

dist:
	bash Scripts/release.sh dist

install:
	bash Scripts/release.sh install "$(PREFIX)"

uninstall:
	bash Scripts/release.sh uninstall "$(PREFIX)"

clean:
	rm -rf dist .build-dist
